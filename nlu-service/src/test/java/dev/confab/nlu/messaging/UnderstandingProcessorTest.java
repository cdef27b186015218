package dev.confab.nlu.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.UserMessage;
import dev.confab.nlu.NluReadiness;
import dev.confab.nlu.TestAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** nlu-service over real Kafka: each user message yields one schema-valid NLU result for the same turn, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestAssistant.class)
class UnderstandingProcessorTest {

    private static final TopicClient kafka = TopicClient.shared();

    @BeforeEach
    void modelIsTrained() {
        NluReadiness.awaitModel();
    }

    @Test
    void aMessageForAnAssistantWithoutAModelIsAnsweredAtOnceAsNotUnderstood() {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(Envelope.first("acme", "never-released", conversationId, "t-1", null,
                new UserMessage("I lost my card", "web")));

        MessageUnderstood result = (MessageUnderstood) kafka.awaitEvents(Topics.CHAT_UNDERSTOOD, conversationId, 1)
                .get(0).payload();
        assertThat(result.understoodByModel()).isFalse();
        assertThat(result.intents()).isEmpty();
        assertThat(result.channel()).isEqualTo("web");
    }

    @Test
    void understandsEachUserMessageOfTheConversationInOrder() {
        String conversationId = "c-" + UUID.randomUUID();
        send(conversationId, "t-1", "I lost my card");
        send(conversationId, "t-2", "can you block it?");

        // At least once: while nlu's consumer group settles a message can be understood twice (dialog takes a
        // turn once, by its id), so the test waits for the second turn and reads each turn's first answer.
        await().until(() -> kafka.awaitEvents(Topics.CHAT_UNDERSTOOD, conversationId, 1).stream()
                .anyMatch(event -> event.turnId().equals("t-2")));
        Map<String, MessageUnderstood> firstOfEachTurn = new LinkedHashMap<>();
        kafka.awaitEvents(Topics.CHAT_UNDERSTOOD, conversationId, 2)
                .forEach(event -> firstOfEachTurn.putIfAbsent(event.turnId(), (MessageUnderstood) event.payload()));

        assertThat(firstOfEachTurn.keySet()).containsExactly("t-1", "t-2");
        List<MessageUnderstood> results = List.copyOf(firstOfEachTurn.values());
        assertThat(results).extracting(MessageUnderstood::text).containsExactly("I lost my card", "can you block it?");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.intents().get(0).intent()).isEqualTo("block_card");
            assertThat(result.modelVersion()).matches("[0-9a-f]{12}");
        });
    }

    @Test
    void understandsAnOversizedMessageFromItsBeginning() {
        String conversationId = "c-" + UUID.randomUUID();
        String text = "please block my card, " + "it was stolen. ".repeat(1_340);
        send(conversationId, "t-1", text);

        MessageUnderstood result = (MessageUnderstood) kafka.awaitEvents(Topics.CHAT_UNDERSTOOD, conversationId, 1)
                .get(0).payload();

        assertThat(text.length()).isGreaterThan(20_000);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.intents().get(0).intent()).isEqualTo("block_card");
    }

    @Test
    void setsAsideAnUnreadableRecordAndGoesOn() {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(Topics.CHAT_INBOUND, conversationId, "{poison".getBytes(StandardCharsets.UTF_8));
        send(conversationId, "t-1", "please block my card");

        kafka.awaitEvents(Topics.CHAT_UNDERSTOOD, conversationId, 1);
        TopicClient.TopicRecord deadLetter = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.conversation(Topics.CHAT_INBOUND_DEAD_LETTERS, conversationId),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(deadLetter.headers())
                .containsEntry("dead-letter-topic", Topics.CHAT_INBOUND)
                .containsEntry("deserialization-failure-data", "{poison")
                .containsKey("dead-letter-reason");
    }

    private static void send(String conversationId, String turnId, String text) {
        kafka.send(Envelope.first("acme", "bank-support", conversationId, turnId, null, new UserMessage(text, "web")));
    }
}
