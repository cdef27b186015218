package dev.confab.nlu.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.UserMessage;
import dev.confab.testsupport.EventSchemas;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import dev.confab.testsupport.TopicClient.TopicRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** nlu-service over real Kafka: each user message yields one schema-valid NLU result for the same turn. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class UnderstandingProcessorTest {

    @Test
    void understandsEachUserMessageOfTheConversationInOrder() {
        String conversationId = "c-" + UUID.randomUUID();
        try (TopicClient kafka = TopicClient.shared()) {
            kafka.send(Topics.CHAT_INBOUND, conversationId, "{not an event".getBytes(StandardCharsets.UTF_8));
            send(kafka, conversationId, "t-1", "I lost my card");
            send(kafka, conversationId, "t-2", "can you block it?");

            List<TopicRecord> results = await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.conversation(Topics.CHAT_UNDERSTOOD, conversationId), r -> r.size() == 2);

            assertThat(results).allSatisfy(record -> assertThat(EventSchemas.violations(record.value())).isEmpty());
            List<Envelope> events = results.stream().map(record -> EventJson.fromTree(record.value())).toList();
            assertThat(events).extracting(Envelope::turnId).containsExactly("t-1", "t-2");
            assertThat(events).extracting(event -> ((MessageUnderstood) event.payload()).text())
                    .containsExactly("I lost my card", "can you block it?");
        }
    }

    private static void send(TopicClient kafka, String conversationId, String turnId, String text) {
        Envelope message = Envelope.first("acme", "bank-support", conversationId, turnId, null,
                new UserMessage(text, "web"));
        kafka.send(Topics.CHAT_INBOUND, conversationId, EventJson.write(message));
    }
}
