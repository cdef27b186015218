package dev.confab.retrieval.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.retrieval.SampleAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * retrieval-service over real Kafka: the sample assistant's bundled knowledge is ingested from its release, and each
 * search request of a conversation is answered for its turn with cited passages, or explicitly none.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SampleAssistant.class)
class SearchProcessorTest {

    private static final TopicClient kafka = TopicClient.shared();

    @BeforeEach
    void awaitTheBundledKnowledge() {
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/knowledge/" + SampleAssistant.TENANT + "/" + SampleAssistant.ASSISTANT + "/documents")
                .then().statusCode(200)
                .body("$", hasSize(7))
                .body("status", everyItem(equalTo("indexed")))
                .body("origin", everyItem(equalTo("bundle"))));
    }

    @Test
    void answersASearchWithCitedPassagesFromTheBundledKnowledge() {
        List<Passage> passages = ask(new RetrievalRequested("how long does a SEPA transfer take?", 3));

        assertThat(passages).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(passages.get(0).citation()).satisfies(citation -> {
            assertThat(citation.documentId()).isEqualTo("transfers");
            assertThat(citation.url()).isEqualTo("https://bank.example/help/transfers");
            assertThat(citation.start()).isNotNull();
        });
        assertThat(passages.get(0).text()).contains("SEPA");
    }

    @Test
    void readsAFollowUpInTheLightOfThePreviousMessage() {
        OllamaProtocolTestServer.shared().replyWith(List.of("How much does a spare physical card cost?"));
        List<Passage> alone = ask(new RetrievalRequested("and how much is it?", 3));
        List<Passage> followingUp = ask(new RetrievalRequested("and how much is it?", 3,
                List.of("I want a spare physical card"), List.of()));

        assertThat(followingUp.get(0).text()).contains("A spare physical card costs £6");
        assertThat(alone.isEmpty() || !alone.get(0).text().contains("spare physical card"))
                .as("without the previous message the question has no topic").isTrue();
    }

    @AfterEach
    void resetTheSlm() {
        OllamaProtocolTestServer.shared().reset();
    }

    @Test
    void answersWithNoPassagesWhenNothingInTheKnowledgeBaseAnswers() {
        assertThat(ask(new RetrievalRequested("what is the capital of Mongolia?", 3))).isEmpty();
    }

    @Test
    void answersWithNoPassagesForAnAssistantWithoutKnowledge() {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(Envelope.first("acme", "no-such-assistant", conversationId, "t-1", null,
                new RetrievalRequested("card replacement fee", 3)));

        Envelope result = kafka.awaitEvents(Topics.RETRIEVAL_RESULTS, conversationId, 1).get(0);
        assertThat(result.turnId()).isEqualTo("t-1");
        assertThat(result.payload()).isEqualTo(new RetrievalPerformed("card replacement fee", List.of()));
    }

    private static List<Passage> ask(RetrievalRequested request) {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(Envelope.first(SampleAssistant.TENANT, SampleAssistant.ASSISTANT, conversationId, "t-1", null,
                request));
        return ((RetrievalPerformed) kafka.awaitEvents(Topics.RETRIEVAL_RESULTS, conversationId, 1).get(0).payload())
                .passages();
    }
}
