package dev.confab.generation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.OllamaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** generation-service over real Kafka against the Ollama-protocol test server: streaming, prompt and fallbacks. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OllamaTestResource.class)
class GenerationConsumerTest {

    private static final Passage FEES = new Passage("fees", "fees#1", "Card fees", "https://bank.example/fees",
            "A replacement card is free once a year.", 0.8);

    private static final TopicClient kafka = TopicClient.shared();
    private final OllamaProtocolTestServer ollama = OllamaProtocolTestServer.shared();

    @AfterEach
    void resetSidecar() {
        ollama.reset();
    }

    @Test
    void streamsTheModelsTokensInOrderThenTheMessageAndTheGenerationRecord() {
        ollama.replyWith(List.of("It", " is", " free", " [1]."));
        String conversationId = request(List.of(FEES));

        List<Envelope> outbound = outbound(conversationId, 6);
        assertThat(outbound).extracting(Envelope::type).containsExactly(
                "reply.token", "reply.token", "reply.token", "reply.token", "reply.message", "reply.done");
        assertThat(outbound.subList(0, 4)).extracting(event -> ((ReplyToken) event.payload()).text())
                .containsExactly("It", " is", " free", " [1].");
        assertThat(outbound.get(4).payload()).isEqualTo(
                new ReplyMessage("It is free [1].", Provenance.RAG, List.of(FEES.citation())));

        JsonNode prompt = ollama.chatRequests().get(ollama.chatRequests().size() - 1);
        GenerationCompleted record = completed(conversationId);
        assertThat(record.model()).isEqualTo(prompt.path("model").asText()).isNotBlank();
        assertThat(record.promptTokens()).isEqualTo(26);
        assertThat(record.completionTokens()).isEqualTo(4);
        assertThat(record.firstTokenMillis()).isLessThanOrEqualTo(record.totalMillis());

        assertThat(prompt.path("stream").asBoolean()).isTrue();
        assertThat(prompt.path("messages").get(0).path("content").asText())
                .contains("[1] A replacement card is free once a year.");
        assertThat(prompt.path("messages").get(1).path("content").asText()).isEqualTo("Do new cards cost anything?");
    }

    @Test
    void brokenSidecarFallsBackToTheBestPassageVerbatim() {
        ollama.failWith(500);
        String conversationId = request(List.of(FEES));

        List<Envelope> outbound = outbound(conversationId, 3);
        assertThat(outbound.get(1).payload()).isEqualTo(
                new ReplyMessage(FEES.text(), Provenance.EXTRACTIVE, List.of(FEES.citation())));
        assertThat(completed(conversationId).model()).isNull();
    }

    @Test
    void brokenSidecarWithoutKnowledgeFallsBackToDialogsTemplate() {
        ollama.failWith(503);
        String conversationId = request(List.of());

        List<Envelope> outbound = outbound(conversationId, 3);
        assertThat(outbound).extracting(Envelope::type).containsExactly("reply.token", "reply.message", "reply.done");
        assertThat(outbound.get(1).payload()).isEqualTo(
                new ReplyMessage("Sorry, no answer.", Provenance.TEMPLATE, List.of()));
    }

    private static String request(List<Passage> passages) {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new GenerationRequested(GenerationTask.ANSWER,
                        List.of(new ChatTurn(Speaker.USER, "Do new cards cost anything?")),
                        passages, "Sorry, no answer.")));
        return conversationId;
    }

    private static List<Envelope> outbound(String conversationId, int count) {
        return kafka.awaitEvents(Topics.CHAT_OUTBOUND, conversationId, count);
    }

    private static GenerationCompleted completed(String conversationId) {
        return (GenerationCompleted) kafka.awaitEvents(Topics.GENERATION_RESULTS, conversationId, 1).get(0).payload();
    }
}
