package dev.confab.retrieval.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** retrieval-service over real Kafka: every search request is answered for its turn, with "no answer" while the knowledge base is empty. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SearchProcessorTest {

    private static final TopicClient kafka = TopicClient.shared();

    @Test
    void answersASearchWithNoPassagesWhenTheKnowledgeBaseIsEmpty() {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope request = Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new RetrievalRequested("card replacement fee", 3));
        kafka.send(request);

        Envelope result = kafka.awaitEvents(Topics.RETRIEVAL_RESULTS, conversationId, 1).get(0);
        assertThat(result.turnId()).isEqualTo("t-1");
        assertThat(result.payload()).isEqualTo(new RetrievalPerformed("card replacement fee", List.of()));
    }
}
