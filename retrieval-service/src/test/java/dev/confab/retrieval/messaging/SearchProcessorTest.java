package dev.confab.retrieval.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.testsupport.EventSchemas;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import dev.confab.testsupport.TopicClient.TopicRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** retrieval-service over real Kafka: every search request is answered for its turn, with "no answer" while the knowledge base is empty. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SearchProcessorTest {

    @Test
    void answersASearchWithNoPassagesWhenTheKnowledgeBaseIsEmpty() {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope request = Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new RetrievalRequested("card replacement fee", 3));
        try (TopicClient kafka = TopicClient.shared()) {
            kafka.send(Topics.RETRIEVAL_REQUESTS, conversationId, EventJson.write(request));

            List<TopicRecord> results = await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.conversation(Topics.RETRIEVAL_RESULTS, conversationId), r -> !r.isEmpty());

            assertThat(EventSchemas.violations(results.get(0).value())).isEmpty();
            Envelope result = EventJson.fromTree(results.get(0).value());
            assertThat(result.turnId()).isEqualTo("t-1");
            assertThat(result.payload()).isEqualTo(new RetrievalPerformed("card replacement fee", List.of()));
        }
    }
}
