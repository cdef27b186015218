package dev.confab.gateway.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCancelled;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.contracts.event.UserMessage;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.SseStream;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The send-message endpoint: what reaches Kafka, what the client streams back, and what is refused. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MessageResourceTest {

    private static final TopicClient kafka = TopicClient.shared();

    @TestHTTPResource("/v1/conversations")
    URL conversations;

    @Test
    void streamsTokensThenTheMessageThenDone() throws Exception {
        OpenTurn turn = startTurn("What does a new card cost?");
        Envelope message = turn.message();
        assertThat(message.payload()).isEqualTo(new UserMessage("What does a new card cost?", "web"));

        kafka.send(message.next(new ReplyToken(0, "It")));
        kafka.send(message.next(new ReplyToken(1, " is free.")));
        kafka.send(message.next(new ReplyMessage("It is free.", Provenance.TEMPLATE, List.of())));
        kafka.send(message.next(new ReplyDone(1)));

        String body = turn.body();
        SseStream stream = SseStream.parse(body);
        assertThat(stream.names()).containsExactly("token", "token", "message", "done");
        assertThat(body.lines()).as("only standard SSE fields")
                .allMatch(line -> line.isEmpty() || line.matches("(id|event|data):.*"));
        assertThat(stream.named("token")).extracting(event -> event.data().path("text").asText())
                .containsExactly("It", " is free.");
        assertThat(stream.named("message").get(0).data().path("text").asText()).isEqualTo("It is free.");
        assertThat(stream.events()).allMatch(event -> event.id() != null);
    }

    @Test
    void aRetractionReachesTheClientBetweenTheTokensItConcerns() throws Exception {
        OpenTurn turn = startTurn("Is a new card free?");
        Envelope message = turn.message();

        kafka.send(message.next(new ReplyToken(0, "It is free.")));
        kafka.send(message.next(new ReplyToken(1, " It costs 12 GBP.")));
        kafka.send(message.next(new ReplyRetract(1, 11, "groundedness")));
        kafka.send(message.next(new ReplyToken(2, " A colleague can help.")));
        kafka.send(message.next(new ReplyMessage("It is free. A colleague can help.", Provenance.RAG, List.of())));
        kafka.send(message.next(new ReplyDone(1)));

        SseStream stream = SseStream.parse(turn.body());
        assertThat(stream.names()).containsExactly("token", "token", "retract", "token", "message", "done");
        assertThat(stream.named("retract").get(0).data().path("fromOffset").asInt()).isEqualTo(11);
    }

    @Test
    void aClientThatGoesAwayMidStreamCancelsTheTurnsGeneration() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        HttpRequest send = HttpRequest.newBuilder(URI.create(conversations + "/" + conversationId + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"How much is a new card?\"}"))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(send, HttpResponse.BodyHandlers.ofInputStream());
        Envelope message = kafka.awaitEvents(Topics.CHAT_INBOUND, conversationId, 1).get(0);
        kafka.send(message.next(new ReplyToken(0, "A new card")));
        try (BufferedReader stream = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.lines().filter(line -> line.startsWith("event:")).findFirst()).contains("event:token");
        }

        Envelope cancelled = kafka.awaitEvents(Topics.GENERATION_REQUESTS, conversationId, 1).get(0);
        assertThat(cancelled.payload()).isEqualTo(new GenerationCancelled("client disconnected"));
        assertThat(cancelled.turnId()).isEqualTo(message.turnId());
    }

    @Test
    void repliesOfOtherTurnsDoNotLeakIntoTheStream() throws Exception {
        OpenTurn turn = startTurn("hello");
        Envelope message = turn.message();
        Envelope otherTurn = Envelope.first(message.tenantId(), message.assistantId(), message.conversationId(),
                "t-other", null, new UserMessage("earlier", "web"));

        kafka.send(otherTurn.next(new ReplyToken(0, "stale")));
        kafka.send(message.next(new ReplyToken(0, "Hi")));
        kafka.send(message.next(new ReplyDone(0)));

        SseStream stream = SseStream.parse(turn.body());
        assertThat(stream.named("token")).extracting(event -> event.data().path("text").asText())
                .containsExactly("Hi");
    }

    @Test
    void turnWithoutAnyReplyEndsWithAnErrorInsteadOfHangingAndHeartbeatsMeanwhile() {
        String body = given()
                .contentType(ContentType.JSON)
                .body("{\"text\": \"is anyone there?\"}")
                .when().post("/v1/conversations/{id}/messages", "c-" + UUID.randomUUID())
                .then().statusCode(200)
                .extract().asString();

        SseStream stream = SseStream.parse(body);
        assertThat(stream.names()).containsExactly("error", "done");
        assertThat(stream.named("error").get(0).data().path("reason").asText()).contains("could not reply");
        assertThat(body.lines().filter(line -> line.startsWith(":")).count())
                .as("a heartbeat comment every second of the five waited, which did not reset the idle timeout")
                .isBetween(3L, 5L);
    }

    @Test
    void aSendRetriedWithItsIdempotencyKeyNamesTheSameTurnAndGetsItsReply() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        OpenTurn first = startTurn(conversationId, "Freeze my card", key, 1);
        kafka.send(first.message().next(new ReplyDone(0)));
        first.body();

        OpenTurn retried = startTurn(conversationId, "Freeze my card", key, 2);
        kafka.send(retried.message().next(new ReplyMessage("Your card is frozen.", Provenance.TEMPLATE, List.of())));
        kafka.send(retried.message().next(new ReplyDone(1)));
        OpenTurn another = startTurn(conversationId, "Freeze my card", UUID.randomUUID().toString(), 3);

        assertThat(retried.message().turnId()).isEqualTo(first.message().turnId());
        assertThat(another.message().turnId()).as("another key, another turn").isNotEqualTo(first.message().turnId());
        assertThat(SseStream.parse(retried.body()).names()).containsExactly("message", "done");
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        given()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "not a key!")
                .body("{\"text\": \"hi\"}")
                .when().post("/v1/conversations/{id}/messages", "c-" + UUID.randomUUID())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON      | c-1        | {\"text\": \"hi\"     | not valid JSON",
            "missing text        | c-1        | {\"channel\": \"web\"} | Missing field 'text'",
            "empty text          | c-1        | {\"text\": \"   \"}   | Field 'text' is empty",
            "only zero-width     | c-1        | {\"text\": \"\\u200b\\u00a0\\u200b\"} | Field 'text' is empty",
            "a NUL character     | c-1        | {\"text\": \"block\\u0000card\"} | control character U+0000 at position 5",
            "a bell character    | c-1        | {\"text\": \"hi\\u0007\"} | control character U+0007 at position 2",
            "a lone surrogate    | c-1        | {\"text\": \"card \\ud83d\"} | half of a UTF-16 surrogate pair at position 5",
            "a reversed pair     | c-1        | {\"text\": \"\\ude00\\ud83d\"} | half of a UTF-16 surrogate pair at position 0",
            "invalid id          | -starts-bad | {\"text\": \"hi\"}    | Invalid conversation id",
            "invalid channel     | c-1        | {\"text\": \"hi\", \"channel\": \"<script>\"} | Invalid channel"})
    void badInputIsRefusedWithAProblemAndNothingReachesKafka(String name, String conversationId, String body,
                                                             String reason) {
        int before = kafka.records(Topics.CHAT_INBOUND).size();

        given()
                .contentType(ContentType.JSON)
                .body(body)
                .when().post("/v1/conversations/{id}/messages", conversationId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(reason));

        assertThat(kafka.records(Topics.CHAT_INBOUND)).hasSize(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAProblem() {
        int before = kafka.records(Topics.CHAT_INBOUND).size();
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'h', (byte) 0xC3, (byte) 0x28, '"', '}'};

        given()
                .contentType("application/json; charset=utf-8")
                .body(body)
                .when().post("/v1/conversations/{id}/messages", "c-bytes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not UTF-8"));

        assertThat(kafka.records(Topics.CHAT_INBOUND)).hasSize(before);
    }

    @Test
    void textIsSentInNormalFormWithItsTabsAndEmojiKept() throws Exception {
        OpenTurn turn = startTurn("c-" + UUID.randomUUID(), "Cafe\u0301\tbill \ud83d\ude00", null, 1);

        assertThat(((UserMessage) turn.message().payload()).text()).isEqualTo("Caf\u00e9\tbill \ud83d\ude00");
        kafka.send(turn.message().next(new ReplyMessage("Noted.", Provenance.TEMPLATE, List.of())));
        kafka.send(turn.message().next(new ReplyDone(0)));
        assertThat(SseStream.parse(turn.body()).names()).containsExactly("message", "done");
    }

    @Test
    void aBodyTooLargeOrOfAnotherTypeIsRefusedWithAProblem() {
        given()
                .contentType(ContentType.JSON)
                .body("{\"text\": \"" + "a".repeat(70_000) + "\"}")
                .when().post("/v1/conversations/{id}/messages", "c-huge")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        given()
                .contentType(ContentType.TEXT)
                .body("hello")
                .when().post("/v1/conversations/{id}/messages", "c-plain")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void textOverTheConfiguredLimitIsRefused() {
        int before = kafka.records(Topics.CHAT_INBOUND).size();

        given()
                .contentType(ContentType.JSON)
                .body("{\"text\": \"" + "a".repeat(4001) + "\"}")
                .when().post("/v1/conversations/{id}/messages", "c-long")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Field 'text' has 4001 characters; the limit is 4000"));

        assertThat(kafka.records(Topics.CHAT_INBOUND)).hasSize(before);
    }

    /** A message sent in the background, as it reached Kafka, and the SSE body its client will receive. */
    private record OpenTurn(Envelope message, CompletableFuture<String> response) {

        String body() throws Exception {
            return response.get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends a message on a new conversation and waits until the gateway has published it to chat.inbound. */
    private static OpenTurn startTurn(String text) {
        return startTurn("c-" + UUID.randomUUID(), text, null, 1);
    }

    /** Sends the conversation's {@code nth} message, with an idempotency key unless null. */
    private static OpenTurn startTurn(String conversationId, String text, String idempotencyKey, int nth) {
        CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> given()
                .contentType(ContentType.JSON)
                .headers(idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey))
                .body(Map.of("text", text))
                .when().post("/v1/conversations/{id}/messages", conversationId)
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString());
        return new OpenTurn(kafka.awaitEvents(Topics.CHAT_INBOUND, conversationId, nth).get(nth - 1), response);
    }
}
