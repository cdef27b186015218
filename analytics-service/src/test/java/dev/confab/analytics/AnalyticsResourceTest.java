package dev.confab.analytics;

import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.ConversationStarted;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.EventType;
import dev.confab.contracts.event.FeedbackGiven;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.TurnStarted;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The figures for a scripted set of four conversations, computed from their events on Kafka (JSON numbers are read
 * as floats here; the shares compared are exact in binary).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AnalyticsResourceTest {

    private static final TopicClient kafka = TopicClient.shared();
    private static final String ASSISTANT = "bank-support";
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    private final String tenant = "analytics-" + UUID.randomUUID();

    @Test
    void reportsTheFiguresOfAScriptedSetOfConversations() {
        // c1: a card question answered in 40 ms, its flow completed, thumbs up and CSAT 5, goodbye.
        send("c1", "t1", 0, new ConversationStarted("web"));
        send("c1", "t1", 0, new TurnStarted("where is my card", "card_arrival", 0.93, false, "en", "web"));
        send("c1", "t1", 40, new BotMessage("It was sent on Monday.", Provenance.TEMPLATE, List.of()));
        send("c1", "t1", 41, new FlowChanged("block_card", FlowChange.STARTED, 1, "collect_card_last4"));
        send("c1", "t1", 42, new FlowChanged("block_card", FlowChange.COMPLETED, 0, null));
        send("c1", "f1", 50, new FeedbackGiven(UUID.randomUUID().toString(), FeedbackGiven.Rating.UP, 5, null));
        send("c1", "t2", 60, new ConversationEnded(ConversationEnded.Reason.GOODBYE));
        // c2: one message out of scope (100 ms), one answered in 60 ms, handed to a human, flow cancelled while it
        // asked how the card was lost, CSAT 2.
        send("c2", "t1", 0, new ConversationStarted("web"));
        send("c2", "t1", 0, new TurnStarted("what's the weather", null, 0.2, true, "en", "web"));
        send("c2", "t1", 100, new BotMessage("I can help with banking.", Provenance.TEMPLATE, List.of()));
        send("c2", "t2", 200, new TurnStarted("my card is late", "card_arrival", 0.88, false, "en", "web"));
        send("c2", "t2", 260, new BotMessage("Let me check.", Provenance.TEMPLATE, List.of()));
        send("c2", "t2", 261, new FlowChanged("block_card", FlowChange.STARTED, 1, "collect_card_last4"));
        send("c2", "t3", 300, new FlowChanged("block_card", FlowChange.CANCELLED, 0, "collect_loss_kind"));
        kafka.send(envelope("c2", "t3", 300, new HandoffRequested("the user asked for a human", "…", Map.of(),
                null, "https://dialog.example/t")));
        send("c2", "f1", 310, new FeedbackGiven(UUID.randomUUID().toString(), FeedbackGiven.Rating.DOWN, 2, "slow"));
        send("c2", "t4", 400, new ConversationEnded(ConversationEnded.Reason.CLOSED));
        // c3: a top-up answered in 20 ms, its flow left open, the user goes quiet.
        send("c3", "t1", 0, new ConversationStarted("web"));
        send("c3", "t1", 0, new TurnStarted("top up my account", "top_up", 0.9, false, "en", "web"));
        send("c3", "t1", 20, new BotMessage("How much?", Provenance.TEMPLATE, List.of()));
        send("c3", "t1", 21, new FlowChanged("top_up", FlowChange.STARTED, 1, "collect_top_up_amount"));
        send("c3", "t2", 900, new ConversationEnded(ConversationEnded.Reason.INACTIVITY));
        // c4: a card question answered in 80 ms, CSAT 5, still open.
        send("c4", "t1", 0, new ConversationStarted("web"));
        send("c4", "t1", 0, new TurnStarted("card not here yet", "card_arrival", 0.95, false, "en", "web"));
        send("c4", "t1", 80, new BotMessage("It is on its way.", Provenance.TEMPLATE, List.of()));
        send("c4", "f1", 90, new FeedbackGiven(null, null, 5, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .statusCode(200)
                .body("conversations", equalTo(4))
                .body("turns", equalTo(5))
                .body("containmentRate", equalTo(0.75f))
                .body("handoffRate", equalTo(0.25f))
                .body("handoffReasons['the user asked for a human']", equalTo(1))
                .body("fallbackRate", equalTo(0.2f))
                .body("abandonmentRate", equalTo(0.25f))
                .body("endings", equalTo(Map.of("GOODBYE", 1, "CLOSED", 1, "INACTIVITY", 1)))
                .body("satisfaction.thumbsUp", equalTo(1))
                .body("satisfaction.thumbsDown", equalTo(1))
                .body("satisfaction.csatResponses", equalTo(3))
                .body("satisfaction.csatAverage", equalTo(4.0f))
                .body("turnLatencyMs.samples", equalTo(5))
                .body("turnLatencyMs.p50", equalTo(60))
                .body("turnLatencyMs.p95", equalTo(100))
                .body("topIntents.intent", equalTo(List.of("card_arrival", "top_up")))
                .body("topIntents.count", equalTo(List.of(3, 1)))
                .body("flows.find { it.flow == 'block_card' }.started", equalTo(2))
                .body("flows.find { it.flow == 'block_card' }.completed", equalTo(1))
                .body("flows.find { it.flow == 'block_card' }.abandoned", equalTo(1))
                .body("flows.find { it.flow == 'block_card' }.abandonedAtStep", equalTo(Map.of("collect_loss_kind", 1)))
                .body("flows.find { it.flow == 'top_up' }.open", equalTo(1)));
    }

    @Test
    void anotherTenantsAssistantHasNoFiguresOfTheseConversations() {
        send("c9", "t1", 0, new TurnStarted("where is my card", "card_arrival", 0.93, false, "en", "web"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .body("turns", equalTo(1)));

        TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", "someone-else", ASSISTANT)
                .then()
                .statusCode(200)
                .body("conversations", equalTo(0))
                .body("turnLatencyMs.p50", nullValue());
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        Envelope turn = envelope("c5", "t1", 0, new TurnStarted("where is my card", "card_arrival", 0.93, false, "en",
                "web"));
        kafka.send(turn);
        kafka.send(turn);
        send("c5", "t2", 10, new TurnStarted("thanks", "thank_you", 0.9, false, "en", "web"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .body("topIntents.intent", hasItem("thank_you")));
        TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .body("turns", equalTo(2))
                .body("topIntents.find { it.intent == 'card_arrival' }.count", equalTo(1));
    }

    @Test
    void anErasedConversationStillCountsButItsTurnsAreNoLongerFollowed() {
        send("c7", "t1", 0, new ConversationStarted("web"));
        send("c7", "t1", 0, new TurnStarted("where is my card", "card_arrival", 0.93, false, "en", "web"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .body("turns", equalTo(1)));
        double erasures = erasures();

        kafka.send(Envelope.first(tenant, "all", "user:u-7", "forget-1", null,
                new UserForgotten("u-7", List.of(tenant + "-c7"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> erasures() > erasures);
        // A reply still in flight for the erased conversation, then a rating after it (same partition, so in order).
        send("c7", "t1", 40, new BotMessage("It is on its way.", Provenance.TEMPLATE, List.of()));
        send("c7", "f1", 50, new FeedbackGiven(UUID.randomUUID().toString(), FeedbackGiven.Rating.UP, null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", tenant, ASSISTANT)
                .then()
                .body("satisfaction.thumbsUp", equalTo(1))
                .body("conversations", equalTo(1))
                .body("turns", equalTo(1))
                .body("turnLatencyMs.samples", equalTo(0)));
    }

    private static double erasures() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("confab_analytics_erasures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    void anInvalidIdIsRefusedWithAProblem() {
        TestKeys.asPlatform()
                .get("/v1/analytics/{tenant}/{assistant}", "-bad", ASSISTANT)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Invalid tenant or assistant id"));
    }

    private void send(String conversation, String turn, long afterMillis, EventPayload payload) {
        kafka.send(envelope(conversation, turn, afterMillis, payload));
    }

    /** An event of this test's tenant at {@code afterMillis} past a fixed start, so latencies are exact. */
    private Envelope envelope(String conversation, String turn, long afterMillis, EventPayload payload) {
        EventType type = EventType.of(payload);
        return new Envelope(UUID.randomUUID(), type.wireName(), type.schemaVersion(), T0.plusMillis(afterMillis),
                tenant, ASSISTANT, "2026.11.30-3", tenant + "-" + conversation, turn, null, null, null, payload);
    }
}
