package dev.confab.generation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.generation.ScriptedSidecarTest;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.OllamaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.confab.generation.GenerationRequests.BANK;
import static dev.confab.generation.GenerationRequests.FEES;
import static dev.confab.generation.GenerationRequests.ask;
import static dev.confab.generation.GenerationRequests.completed;
import static dev.confab.generation.GenerationRequests.outbound;
import static dev.confab.generation.GenerationRequests.payloads;
import static dev.confab.generation.GenerationRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** generation-service over real Kafka against the Ollama-protocol test server: streaming, prompts, routing. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OllamaTestResource.class)
class GenerationConsumerTest extends ScriptedSidecarTest {


    @Test
    void streamsTheModelsTokensInOrderThenTheMessageAndTheGenerationRecord() {
        ollama.replyWith(List.of("It", " is", " free", " [1]."));
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        List<Envelope> outbound = outbound(conversationId);
        assertThat(outbound).extracting(Envelope::type).containsExactly(
                "reply.token", "reply.token", "reply.token", "reply.token", "reply.message", "reply.done");
        assertThat(payloads(outbound, ReplyToken.class)).extracting(ReplyToken::text)
                .containsExactly("It", " is", " free", " [1].");
        assertThat(payloads(outbound, ReplyMessage.class)).containsExactly(
                new ReplyMessage("It is free [1].", Provenance.RAG, List.of(FEES.citation())));

        JsonNode prompt = lastChat();
        GenerationCompleted record = completed(conversationId);
        assertThat(record.model()).isEqualTo(prompt.path("model").asText()).isNotBlank();
        assertThat(record.promptVersion()).isEqualTo("answer.v1");
        assertThat(record.promptTokens()).isEqualTo(26);
        assertThat(record.completionTokens()).isEqualTo(4);
        assertThat(record.firstTokenMillis()).isLessThanOrEqualTo(record.totalMillis());

        assertThat(prompt.path("stream").asBoolean()).isTrue();
        assertThat(prompt.path("messages").get(0).path("content").asText())
                .contains("[1] (Card fees) A replacement card is free once a year.")
                .doesNotContain("No knowledge was found");
        assertThat(prompt.path("messages").get(1).path("content").asText()).isEqualTo("Do new cards cost anything?");
    }

    @Test
    void eachTaskHasItsOwnPromptFileAndModelOptions() {
        ollama.replyWith(List.of("Happy", " to", " help", "!"));
        completed(ask("Do new cards cost anything?", List.of(FEES)));
        JsonNode answer = lastChat();
        assertThat(answer.path("options").path("num_ctx").asInt()).isEqualTo(4096);
        assertThat(answer.path("options").path("num_predict").asInt()).isEqualTo(256);
        assertThat(answer.path("options").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(answer.has("format")).isFalse();

        String smallTalk = send(new GenerationRequested(GenerationTask.SMALL_TALK,
                List.of(new ChatTurn(Speaker.USER, "Tell me a joke")), List.of(), "Sorry.", null,
                "Be kind.", false, true, null, BANK, null));
        assertThat(completed(smallTalk).promptVersion()).isEqualTo("small-talk.v1");
        JsonNode chat = lastChat();
        assertThat(chat.path("options").path("num_predict").asInt()).isEqualTo(96);
        assertThat(chat.path("options").path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(chat.path("messages").get(0).path("content").asText())
                .contains("Be kind.")
                .doesNotContain("The conversation so far");
    }

    @Test
    void aTypedTaskSendsItsJsonSchemaAndAnswersWithTheValue() {
        ollama.replyWith(List.of("{\"value\"", ": \"savings\"}"));
        String conversationId = send(new GenerationRequested(GenerationTask.CLASSIFY,
                List.of(new ChatTurn(Speaker.USER, "the one I keep money aside in")), List.of(), "unknown", null,
                "Which account does the user mean: current or savings?", true, false, null, BANK, null));

        GenerationCompleted record = completed(conversationId);
        assertThat(record.text()).isEqualTo("savings");
        assertThat(record.provenance()).isEqualTo(Provenance.GENERATIVE);
        JsonNode format = lastChat().path("format");
        assertThat(format.path("required").get(0).asText()).isEqualTo("value");
    }

    @Test
    void aCommandIsHeldToTheRequestsOwnSchemaAndToItsBudget() {
        String schema = "{\"type\":\"object\",\"properties\":{\"command\":{\"enum\":[\"start_flow\"]},"
                + "\"flow\":{\"enum\":[\"block_card\"]}},\"required\":[\"command\"]}";
        ollama.replyWith(List.of("{\"command\": \"start_flow\",", " \"flow\": \"block_card\"}"));
        String read = send(command(schema));

        GenerationCompleted record = completed(read);
        assertThat(record.text()).isEqualTo("{\"command\": \"start_flow\", \"flow\": \"block_card\"}");
        assertThat(record.promptVersion()).isEqualTo("command.v1");
        JsonNode chat = lastChat();
        assertThat(chat.path("format").path("properties").path("flow").path("enum").get(0).asText())
                .isEqualTo("block_card");
        assertThat(chat.path("options").path("temperature").asDouble()).isZero();

        // A model slower than the 1.5 s budget is not waited for: the turn goes on with the NLU's reading.
        ollama.delayFirstToken(Duration.ofSeconds(2));
        GenerationCompleted late = completed(send(command(schema)));
        assertThat(late.text()).doesNotContain("block_card");
    }

    private static GenerationRequested command(String schema) {
        return new GenerationRequested(GenerationTask.COMMAND,
                List.of(new ChatTurn(Speaker.USER, "my plastic is gone, someone has it")), List.of(), "Sorry.", null,
                "Flows:\n- block_card: blocking your card", true, false, null, BANK, null, schema);
    }

    @Test
    void aRephrasingKeepsTheTemplatesFactsWithinTheChannelsLengthElseTheTemplateIsSaid() {
        String template = "Your card will arrive within 5 working days.";
        ollama.replyWith(List.of("Your", " card", " should", " arrive", " within", " 5", " working", " days."));
        String fits = send(rephrase(template, 60));

        assertThat(payloads(outbound(fits), ReplyMessage.class)).extracting(ReplyMessage::text, ReplyMessage::provenance)
                .containsExactly(tuple(
                        "Your card should arrive within 5 working days.", Provenance.REPHRASED));
        assertThat(completed(fits).promptVersion()).isEqualTo("rephrase.v1");
        assertThat(lastChat().path("messages").get(0).path("content").asText())
                .contains("Message to rewrite: " + template)
                .contains("at most 60 characters");

        String tooLong = send(rephrase(template, 40));
        List<Envelope> outbound = outbound(tooLong);
        assertThat(payloads(outbound, ReplyRetract.class)).containsExactly(new ReplyRetract(0, 0, "length_budget"));
        assertThat(payloads(outbound, ReplyMessage.class)).extracting(ReplyMessage::text, ReplyMessage::provenance)
                .containsExactly(tuple(template, Provenance.TEMPLATE));

        ollama.replyWith(List.of("Your card should", " arrive soon.", " It takes 7 working days."));
        List<Envelope> changedFact = outbound(send(rephrase(template, 200)));
        assertThat(payloads(changedFact, ReplyRetract.class)).extracting(ReplyRetract::rail)
                .containsExactly("groundedness", "partial_rephrasing");
        assertThat(payloads(changedFact, ReplyMessage.class)).extracting(ReplyMessage::text, ReplyMessage::provenance)
                .containsExactly(tuple(template, Provenance.TEMPLATE));
    }

    @Test
    void theHistoryIsTrimmedNewestFirstToFitTheContextWindow() {
        List<ChatTurn> history = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            history.add(new ChatTurn(i % 2 == 0 ? Speaker.USER : Speaker.BOT, ("Message " + i + " ").repeat(40)));
        }
        history.add(new ChatTurn(Speaker.USER, "And the last question?"));
        String conversationId = send(new GenerationRequested(GenerationTask.SMALL_TALK, history, List.of(),
                "Sorry.", null, null, false, true, null, BANK, null));

        completed(conversationId);
        JsonNode messages = lastChat().path("messages");
        int characters = 0;
        for (JsonNode message : messages) {
            characters += message.path("content").asText().length();
        }
        assertThat(messages.get(messages.size() - 1).path("content").asText()).isEqualTo("And the last question?");
        assertThat(messages.size()).isLessThan(history.size() + 1);
        assertThat(characters / 4).as("estimated tokens").isLessThanOrEqualTo(2048 - 96);
    }

    @Test
    void answersStreamAtTheSameTimeEvenWithinOnePartition() {
        // A stream the test before released may still be draining: count this test's streams alone.
        await().until(() -> ollama.openStreams() == 0);
        ollama.reset();
        ollama.delayFirstToken(Duration.ofMillis(600));
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            conversations.add(ask("Do new cards cost anything?", List.of(FEES)));
        }

        conversations.forEach(conversationId -> assertThat(completed(conversationId).provenance())
                .isEqualTo(Provenance.RAG));
        assertThat(ollama.peakOpenStreams()).as("streams served at once (3 partitions)").isEqualTo(4);
    }

    @Test
    void everyTasksModelIsLoadedWithKeepAlive() {
        await().until(() -> !ollama.generateRequests().isEmpty());
        JsonNode load = ollama.generateRequests().get(0);
        assertThat(load.path("model").asText()).isEqualTo("qwen2.5:0.5b-instruct");
        assertThat(load.path("keep_alive").asText()).isEqualTo("30m");
    }

    @Test
    void repliesGoToThePartitionOfTheGatewayReplicaThatHoldsTheStream() {
        ollama.replyWith(List.of("A replacement card", " is free once a year."));
        TopicClient kafka = TopicClient.shared();
        String conversationId = "c-" + UUID.randomUUID();
        int partitions = kafka.partitionCount(Topics.CHAT_OUTBOUND);
        int replica = (TopicClient.keyPartition(conversationId, partitions) + 1) % partitions;
        kafka.send(Envelope.first("acme", "bank-support", conversationId, "t-1", null, new GenerationRequested(
                        GenerationTask.ANSWER, List.of(new ChatTurn(Speaker.USER, "Do new cards cost anything?")),
                        List.of(FEES), "Sorry, no answer.", null, null, false, true, null, BANK, null))
                .withReplyPartition(replica));

        completed(conversationId);
        await().untilAsserted(() -> assertThat(kafka.conversation(Topics.CHAT_OUTBOUND, conversationId))
                .extracting(record -> record.value().path("type").asText()).contains("reply.done"));
        assertThat(kafka.conversation(Topics.CHAT_OUTBOUND, conversationId))
                .extracting(TopicClient.TopicRecord::partition).containsOnly(replica);
    }

    private static GenerationRequested rephrase(String template, int maxChars) {
        return new GenerationRequested(GenerationTask.REPHRASE,
                List.of(new ChatTurn(Speaker.USER, "When will my new card come?")), List.of(), template, null, null,
                false, true, null, BANK, maxChars);
    }

    private JsonNode lastChat() {
        List<JsonNode> chats = ollama.chatRequests();
        return chats.get(chats.size() - 1);
    }
}
