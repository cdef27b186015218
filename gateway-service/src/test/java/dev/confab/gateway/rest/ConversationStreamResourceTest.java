package dev.confab.gateway.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyHandoff;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.contracts.event.UserMessage;
import dev.confab.gateway.FollowChecks;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.LiveSseStream;
import dev.confab.testsupport.SseStream;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Following a conversation: replies of any turn reach its tenant's followers and no one else's, and a broken stream
 * resumes after its last event without a gap or a duplicate.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(FollowChecks.Resource.class)
class ConversationStreamResourceTest {

    private static final TopicClient kafka = TopicClient.shared();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/v1/conversations")
    URL conversations;

    @Test
    void aFollowerSeesAnAgentTakeOverAndWriteButNotAnotherTenantsReplyOnTheSameId() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        try (LiveSseStream stream = LiveSseStream.open(follow(conversationId).build())) {
            assertThat(stream.status()).isEqualTo(200);
            // The first heartbeat shows the stream is open and registered.
            await().atMost(WAIT).until(() -> stream.comments() > 0);
            Envelope foreign = Envelope.first("other-tenant", "bank-support", conversationId, "t-9", null,
                    new AgentMessage("agent-9", "Their secret"));
            kafka.send(foreign.next(new ReplyMessage("Their secret", Provenance.HUMAN, List.of())));
            Envelope agentSays = agentSays(conversationId, "Hi, I'm Sam.");
            kafka.send(agentSays.next(new ReplyHandoff(ReplyHandoff.State.ACCEPTED, "agent-7")));
            kafka.send(agentSays);

            SseStream.Event handoff = stream.next(WAIT);
            SseStream.Event message = stream.next(WAIT);

            assertThat(handoff.name()).isEqualTo("handoff");
            assertThat(handoff.data().path("state").asText()).isEqualTo("ACCEPTED");
            assertThat(handoff.data().path("agentId").asText()).isEqualTo("agent-7");
            assertThat(message.name()).isEqualTo("message");
            assertThat(message.data().path("text").asText()).isEqualTo("Hi, I'm Sam.");
            assertThat(message.data().path("provenance").asText()).isEqualTo("HUMAN");
        }
    }

    @Test
    void aStreamDroppedMidTurnResumesAfterItsLastEventWithNothingMissedOrRepeated() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        LiveSseStream turn = LiveSseStream.open(HttpRequest.newBuilder(
                        URI.create(conversations + "/" + conversationId + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Where is my new card?\"}"))
                .build());
        Envelope message = kafka.awaitEvents(Topics.CHAT_INBOUND, conversationId, 1).get(0);
        kafka.send(message.next(new ReplyToken(0, "Your card")));
        SseStream.Event lastSeen = turn.next(WAIT);
        turn.close();
        kafka.send(message.next(new ReplyToken(1, " was sent")));

        try (LiveSseStream resumed = LiveSseStream.open(follow(conversationId)
                .header("Last-Event-ID", lastSeen.id())
                .build())) {
            assertThat(resumed.status()).isEqualTo(200);
            kafka.send(message.next(new ReplyToken(2, " on Monday.")));
            kafka.send(message.next(new ReplyMessage("Your card was sent on Monday.", Provenance.TEMPLATE,
                    List.of())));
            kafka.send(message.next(new ReplyDone(1)));
            List<SseStream.Event> rest = resumed.until(event -> event.name().equals("done"), WAIT);
            kafka.send(agentSays(conversationId, "Hi, I'm Sam."));
            SseStream.Event afterwards = resumed.next(WAIT);

            assertThat(new SseStream(rest).names()).containsExactly("token", "token", "message", "done");
            assertThat(new SseStream(rest).named("token")).extracting(event -> event.data().path("text").asText())
                    .containsExactly(" was sent", " on Monday.");
            assertThat(afterwards.data().path("text").asText())
                    .as("the next live reply, not a second copy of one caught up on")
                    .isEqualTo("Hi, I'm Sam.");
        }
    }

    @Test
    void aResumingClientThatLeavesMidTurnFreesItsReaderOfTheTopic() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope message = Envelope.first("default", "bank-support", conversationId, "t-1", null,
                new UserMessage("Where is my card?", "web"));
        kafka.send(message.next(new ReplyToken(0, "Let me")));
        TopicClient.TopicRecord first = await().atMost(WAIT)
                .until(() -> kafka.conversation(Topics.CHAT_OUTBOUND, conversationId), found -> !found.isEmpty())
                .get(0);

        LiveSseStream resumed = LiveSseStream.open(follow(conversationId)
                .header("Last-Event-ID", first.partition() + "-" + first.offset())
                .build());
        await().atMost(WAIT).until(() -> resumingStreams() == 1.0);
        resumed.close();

        await("the turn is still under way, but its reader closes with the client's stream").atMost(WAIT)
                .until(() -> resumingStreams() == 0.0);
    }

    @Test
    void anErasedConversationIsGoneAndNothingOfItIsReplayed() {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope message = Envelope.first("default", "bank-support", conversationId, "t-1", null,
                new UserMessage("My card number is 4111 1111 1111 1111", "web"));
        kafka.send(message.next(new ReplyMessage("Thanks, I have blocked it.", Provenance.TEMPLATE, List.of())));
        TopicClient.TopicRecord first = await().atMost(WAIT)
                .until(() -> kafka.conversation(Topics.CHAT_OUTBOUND, conversationId), found -> !found.isEmpty())
                .get(0);

        kafka.send(Envelope.first("default", "all", "user:u-1", "forget-1", null,
                new UserForgotten("u-1", List.of(conversationId))));

        await().atMost(WAIT).untilAsserted(() -> given()
                .header("Last-Event-ID", first.partition() + "-" + first.offset())
                .when().get("/v1/conversations/{id}/stream", conversationId)
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("detail", containsString("erased")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "0-99999999999", "another conversation's"})
    void aLastEventIdThatIsNotOneOfThisConversationsEventsIsRefused(String lastEventId) {
        String conversationId = "c-" + UUID.randomUUID();
        String id = lastEventId.equals("another conversation's") ? someoneElsesEventId() : lastEventId;

        given()
                .header("Last-Event-ID", id)
                .when().get("/v1/conversations/{id}/stream", conversationId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Last-Event-ID"));
    }

    private String someoneElsesEventId() {
        String other = "c-" + UUID.randomUUID();
        kafka.send(agentSays(other, "Not yours."));
        TopicClient.TopicRecord record = await().atMost(WAIT)
                .until(() -> kafka.conversation(Topics.CHAT_OUTBOUND, other), found -> !found.isEmpty())
                .get(0);
        return record.partition() + "-" + record.offset();
    }

    private static double resumingStreams() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("confab_gateway_resuming_streams"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private HttpRequest.Builder follow(String conversationId) {
        return HttpRequest.newBuilder(URI.create(conversations + "/" + conversationId + "/stream"));
    }

    private static Envelope agentSays(String conversationId, String text) {
        Envelope agent = Envelope.first("default", "bank-support", conversationId, "agent-" + UUID.randomUUID(),
                null, new AgentMessage("agent-7", text));
        return agent.next(new ReplyMessage(text, Provenance.HUMAN, List.of()));
    }
}
