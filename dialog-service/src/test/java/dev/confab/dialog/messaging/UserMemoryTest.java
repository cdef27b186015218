package dev.confab.dialog.messaging;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.contracts.Topics;
import dev.confab.contracts.event.AuditRecorded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.ReplyHistory;
import dev.confab.contracts.event.SlotSet;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.confab.dialog.messaging.Conversations.entity;
import static dev.confab.dialog.messaging.DialogServiceTest.SAMPLE;
import static dev.confab.dialog.messaging.DialogServiceTest.TENANT;
import static dev.confab.dialog.messaging.DialogServiceTest.awaitServed;
import static dev.confab.dialog.messaging.DialogServiceTest.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Long-term memory with consent, and erasure of a user across dialog's state, memory and the event stream. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class UserMemoryTest {

    private static String version;

    @BeforeAll
    static void releaseTheSampleAssistant() {
        version = BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, SAMPLE).version();
    }

    @Test
    void remembersFactsAcrossConversationsOnlyWithConsent() {
        awaitServed(TENANT, version);
        String user = "u-" + UUID.randomUUID();
        Conversations withoutConsent = new Conversations(TENANT, user);
        withoutConsent.send("please block my card ending 1234", "lost_or_stolen_card",
                entity("card_last4", "1234", "1234"));
        withoutConsent.replies();
        memory(user).then().statusCode(200).body("consent", equalTo(false)).body("facts", anEmptyMap());

        TestKeys.asPlatform().contentType("application/json").body(Map.of("consent", true))
                .put("/v1/users/{user}/memory?tenant={tenant}", user, TENANT)
                .then().statusCode(200).body("consent", equalTo(true));
        Conversations first = new Conversations(TENANT, user);
        first.send("please block my card ending 1234", "lost_or_stolen_card", entity("card_last4", "1234", "1234"));
        first.replies();
        memory(user).then().statusCode(200).body("facts.card_last4", equalTo("1234"));

        Conversations next = new Conversations(TENANT, user);
        next.send("I want to change my PIN", "change_pin");

        assertThat(next.replies()).endsWith("Would you like to change it in the app, or at a cash machine?");
        assertThat(Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, next.id(), 1).stream()
                .map(Envelope::payload))
                .contains(new SlotSet("card_last4", "1234", null, false, "memory"));
    }

    @Test
    void noOneButItsUserWritesInASignedInUsersConversation() {
        awaitServed(TENANT, version);
        String owner = "u-" + UUID.randomUUID();
        Conversations mine = new Conversations(TENANT, owner);
        mine.send("hello", "greet");
        mine.replies();
        String refusal = "This conversation cannot be continued from here. Please start a new conversation.";

        mine.sendAs("u-someone-else", "what is my card number?", "greet");
        assertThat(mine.replies()).containsExactly(refusal);
        mine.sendAs(null, "what is my card number?", "greet");
        assertThat(mine.replies()).containsExactly(refusal);

        assertThat(transcript(mine.id())).noneMatch(line -> line.contains("card number"));
        assertThat(history(mine, "h-stranger", "u-someone-else"))
                .as("nor read by another, who learns only that it is someone else's (so not theirs to follow)")
                .extracting(ReplyHistory::found, ReplyHistory::exists).containsExactly(false, true);
        assertThat(history(mine, "h-anonymous", null).found()).isFalse();
        assertThat(history(mine, "h-owner", owner).messages()).extracting(ReplyHistory.Entry::text)
                .contains("hello");
    }

    private static ReplyHistory history(Conversations chat, String requestId, String asker) {
        Conversations.KAFKA.send(Envelope.first(TENANT, "bank-support", chat.id(), requestId, null,
                new HistoryRequested(50, asker)));
        return (ReplyHistory) await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.events(Topics.CHAT_OUTBOUND, requestId), events -> !events.isEmpty())
                .get(0).payload();
    }

    @Test
    void forgettingAUserErasesTheirConversationsAndMemoryAndTellsEveryone() {
        awaitServed(TENANT, version);
        String user = "u-" + UUID.randomUUID();
        TestKeys.asPlatform().contentType("application/json").body(Map.of("consent", true))
                .put("/v1/users/{user}/memory?tenant={tenant}", user, TENANT).then().statusCode(200);
        Conversations chat = new Conversations(TENANT, user);
        chat.send("please block my card ending 5555", "lost_or_stolen_card", entity("card_last4", "5555", "5555"));
        chat.replies();
        assertThat(transcript(chat.id())).isNotEmpty();
        TestKeys.asPlatform().contentType("application/json").body(Map.of("verdict", "APPROVED"))
                .put("/v1/assistants/{tenant}/bank-support/conversations/{id}/review", TENANT, chat.id())
                .then().statusCode(200);

        TestKeys.asPlatform().delete("/v1/users/{user}?tenant={tenant}", user, TENANT)
                .then().statusCode(200)
                .body("userId", equalTo(user))
                .body("conversationIds[0]", equalTo(chat.id()));

        assertThat(transcript(chat.id())).isEmpty();
        memory(user).then().statusCode(200).body("consent", equalTo(false)).body("facts", anEmptyMap());
        Envelope forgotten = Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, "user:" + user, 1).get(0);
        assertThat(forgotten.payload()).isEqualTo(new UserForgotten(user, List.of(chat.id())));
        TestKeys.asPlatform().get("/v1/conversations/{id}/transcript", chat.id()).then().statusCode(404)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Conversations.KAFKA.conversation(Topics.AUDIT, "audit:" + TENANT).stream()
                        .map(record -> (AuditRecorded) EventJson.fromTree(record.value()).payload()))
                .as("the erasure is on the audit trail, with who did it")
                .anySatisfy(audit -> {
                    assertThat(audit.action()).isEqualTo("DELETE /v1/users/{userId}");
                    assertThat(audit.target()).isEqualTo("/v1/users/" + user);
                    assertThat(audit.keyId()).isEqualTo("testplat");
                    assertThat(audit.status()).isEqualTo(200);
                }));
        // Nor does the conversation live on as training data.
        TestKeys.asPlatform().get("/v1/assistants/{tenant}/bank-support/training/conversations?limit=500", TENANT)
                .then().statusCode(200).body("conversations.conversationId", not(hasItem(chat.id())));
    }

    @Test
    void refusesToEraseWithoutATenant() {
        TestKeys.asPlatform().delete("/v1/users/{user}", "u-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'tenant' is required"));
    }

    private static Response memory(String user) {
        return TestKeys.asPlatform().get("/v1/users/{user}/memory?tenant={tenant}", user, TENANT);
    }
}
