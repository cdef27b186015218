package dev.confab.dialog.messaging;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.contracts.event.IntentScore;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.confab.dialog.messaging.DialogServiceTest.SAMPLE;
import static dev.confab.dialog.messaging.DialogServiceTest.awaitServed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Conversation review over real Kafka and PostgreSQL: verdicts and intent corrections in, approved conversations and
 * the user messages worth a look (weakly understood, clarified by the user, corrected) out, per tenant.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class ConversationReviewTest {

    private static final String TENANT = "review-co";
    private static final String ASSISTANT_PATH = "/v1/assistants/" + TENANT + "/bank-support";

    /** A tenant of its own, so the inbox holds only the conversations its test made. */
    private static final String INBOX_TENANT = "inbox-co";

    private static String version;
    private static String inboxVersion;

    @BeforeAll
    static void releaseTheSampleAssistant() {
        version = BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, SAMPLE).version();
        inboxVersion = BundlePublisher.publish(SharedKafka.bootstrapServers(), INBOX_TENANT, SAMPLE).version();
    }

    @Test
    void approvedConversationsAndWeakOrCorrectedMessagesBecomeTrainingDataRejectedOnesDoNot() {
        awaitServed(TENANT, version);
        Conversations approved = new Conversations(TENANT);
        approved.sendAmbiguous("card problem", new IntentScore("lost_or_stolen_card", 0.41),
                new IntentScore("card_arrival", 0.39));
        assertThat(approved.replies()).endsWith("Do you mean blocking your card or checking on a card that hasn't "
                + "arrived?");
        approved.send("the second one", null);
        assertThat(approved.replies()).containsExactly("When did you order the card?");
        approved.send("my transfer never arrived", "transfer_not_received_by_recipient");
        approved.replies();
        Conversations rejected = new Conversations(TENANT);
        rejected.sendAmbiguous("asdf card", new IntentScore("card_arrival", 0.2),
                new IntentScore("lost_or_stolen_card", 0.19));
        rejected.replies();

        review(approved.id(), Map.of("verdict", "APPROVED", "reviewer", "maria",
                "corrections", List.of(Map.of("turnId", "t-3", "intent", "cancel_transfer"))))
                .statusCode(200)
                .body("verdict", equalTo("APPROVED"))
                .body("reviewer", equalTo("maria"));
        review(rejected.id(), Map.of("verdict", "REJECTED")).statusCode(200);

        JsonPath utterances = TestKeys.asPlatform().get(ASSISTANT_PATH + "/training/utterances?below=0.5")
                .then().statusCode(200).extract().jsonPath();
        assertThat(utterances.getList("utterances", Map.class))
                .filteredOn(line -> List.of(approved.id(), rejected.id()).contains(line.get("conversationId")))
                .extracting(line -> line.get("conversationId"), line -> line.get("text"), line -> line.get("intent"),
                        line -> line.get("correctedIntent"), line -> line.get("correctedBy"))
                .containsExactly(
                        tuple(approved.id(), "card problem", "lost_or_stolen_card", "card_arrival", "USER"),
                        tuple(approved.id(), "the second one", null, null, null),
                        tuple(approved.id(), "my transfer never arrived", "transfer_not_received_by_recipient",
                                "cancel_transfer", "REVIEWER"));

        JsonPath conversations = TestKeys.asPlatform().get(ASSISTANT_PATH + "/training/conversations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(conversations.getString("system")).startsWith("You are Ava, the Confab Bank assistant.");
        assertThat(conversations.getList("conversations.conversationId")).contains(approved.id())
                .doesNotContain(rejected.id());
        String messages = "conversations.find { it.conversationId == '" + approved.id() + "' }.messages";
        assertThat(conversations.getList(messages + ".speaker")).startsWith("USER", "BOT", "BOT");
        assertThat(conversations.getList(messages + ".text", String.class))
                .contains("card problem", "When did you order the card?");
    }

    @Test
    void aReviewThatNamesAnUnknownIntentOrTurnIsRefusedAndChangesNothing() {
        awaitServed(TENANT, version);
        Conversations chat = new Conversations(TENANT);
        chat.send("my transfer never arrived", "transfer_not_received_by_recipient");
        chat.replies();

        review(chat.id(), Map.of("verdict", "APPROVED",
                "corrections", List.of(Map.of("turnId", "t-1", "intent", "buy_a_horse"))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("Unknown intent 'buy_a_horse'"));
        review(chat.id(), Map.of("verdict", "APPROVED",
                "corrections", List.of(Map.of("turnId", "t-9", "intent", "card_arrival"))))
                .statusCode(400)
                .body("detail", equalTo("Turn 't-9' has no user message to correct"));
        review(chat.id(), Map.of("reviewer", "maria")).statusCode(400).body("detail", containsString("verdict"));

        assertThat(TestKeys.asPlatform().get(ASSISTANT_PATH + "/training/conversations?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("conversations.conversationId"))
                .doesNotContain(chat.id());
        TestKeys.asPlatform().get(ASSISTANT_PATH + "/training/utterances?limit=0").then().statusCode(400);
        TestKeys.asPlatform().get(ASSISTANT_PATH + "/training/utterances?below=high").then().statusCode(400)
                .body("detail", equalTo("'below' must be a number, not 'high'"));
    }

    @Test
    void anotherTenantsConversationCannotBeReviewedOrRead() {
        awaitServed(TENANT, version);
        Conversations chat = new Conversations(TENANT);
        chat.send("my transfer never arrived", "transfer_not_received_by_recipient");
        chat.replies();

        TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("verdict", "APPROVED"))
                .put("/v1/assistants/intruder/bank-support/conversations/{id}/review", chat.id())
                .then()
                .statusCode(404);
        review(chat.id(), Map.of("verdict", "APPROVED")).statusCode(200);

        assertThat(TestKeys.asPlatform().get("/v1/assistants/intruder/bank-support/training/conversations")
                .then().statusCode(200).extract().jsonPath().getList("conversations")).isEmpty();
        assertThat(TestKeys.asPlatform().get("/v1/assistants/intruder/bank-support/training/utterances?below=1")
                .then().statusCode(200).extract().jsonPath().getList("utterances")).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        awaitServed(TENANT, version);
        // Out of scope, so each one is to review; nobody answers the knowledge search, which changes nothing here.
        List<String> said = List.of("page one", "page two", "page three");
        said.forEach(text -> new Conversations(TENANT).send(text, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> read = new ArrayList<>();
            String after = "0";
            while (after != null) {
                JsonPath page = TestKeys.asPlatform()
                        .get(ASSISTANT_PATH + "/training/utterances?limit=2&after=" + after)
                        .then().statusCode(200).extract().jsonPath();
                read.addAll(page.getList("utterances.text", String.class));
                after = page.getString("next");
            }
            assertThat(read).containsAll(said).doesNotHaveDuplicates();
        });
    }

    @Test
    void theInboxListsConversationsByReviewStateMostRecentFirstWithTheirWeakestReading() {
        awaitServed(INBOX_TENANT, inboxVersion);
        Conversations weak = new Conversations(INBOX_TENANT);
        weak.sendAmbiguous("card problem", new IntentScore("lost_or_stolen_card", 0.41),
                new IntentScore("card_arrival", 0.39));
        weak.replies();
        Conversations sure = new Conversations(INBOX_TENANT);
        sure.send("my transfer never arrived", "transfer_not_received_by_recipient");
        sure.replies();
        String inbox = "/v1/assistants/" + INBOX_TENANT + "/bank-support/conversations";

        JsonPath unreviewed = TestKeys.asPlatform().get(inbox).then().statusCode(200).extract().jsonPath();
        assertThat(unreviewed.getList("conversationId")).containsExactly(sure.id(), weak.id());
        assertThat(unreviewed.getDouble("[1].lowestConfidence")).isCloseTo(0.41, within(1e-6));
        assertThat(unreviewed.getInt("[1].userMessages")).isEqualTo(1);
        TestKeys.asPlatform().get("/v1/conversations/{id}/transcript", weak.id()).then().statusCode(200)
                .body("[0].intent", equalTo("lost_or_stolen_card"));
        assertThat(TestKeys.asPlatform().get("/v1/assistants/" + INBOX_TENANT + "/bank-support/intents").then()
                .statusCode(200)
                .extract().jsonPath().getList("", String.class)).contains("card_arrival", "lost_or_stolen_card");

        review(INBOX_TENANT, weak.id(), Map.of("verdict", "APPROVED")).statusCode(200);

        TestKeys.asPlatform().get(inbox).then().statusCode(200).body("conversationId", equalTo(List.of(sure.id())));
        TestKeys.asPlatform().get(inbox + "?review=approved").then().statusCode(200)
                .body("conversationId", equalTo(List.of(weak.id())))
                .body("[0].verdict", equalTo("APPROVED"));
        TestKeys.asPlatform().get(inbox + "?review=maybe").then().statusCode(400);
        TestKeys.asPlatform().get("/v1/assistants/" + INBOX_TENANT + "/no-such-assistant/intents").then()
                .statusCode(404);
    }

    private static ValidatableResponse review(String conversationId, Map<String, ?> body) {
        return review(TENANT, conversationId, body);
    }

    private static ValidatableResponse review(String tenant, String conversationId, Map<String, ?> body) {
        return TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(body)
                .put("/v1/assistants/" + tenant + "/bank-support/conversations/{id}/review", conversationId)
                .then();
    }
}
