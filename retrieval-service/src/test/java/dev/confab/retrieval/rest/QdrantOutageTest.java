package dev.confab.retrieval.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.retrieval.SampleAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.QdrantProtocolTestServer;
import dev.confab.testsupport.QdrantTestResource;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * retrieval-service on the Qdrant store, here a Qdrant-protocol test server (not a real Qdrant) that the test takes
 * down: readiness fails, searches get a clear 503 (and dialog an empty result), documents wait in the queue, and
 * everything resumes when Qdrant is back, with nothing lost.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SampleAssistant.class)
@QuarkusTestResource(value = QdrantTestResource.class, restrictToAnnotatedClass = true)
class QdrantOutageTest {

    private final String assistant = "faq-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/v1/knowledge/acme/" + assistant;

    @AfterEach
    void bringQdrantBack() {
        QdrantTestResource.server().down(false);
    }

    @Test
    void withQdrantDownReadinessFailsSearchesSaySoAndDocumentsWaitUntilItIsBack() {
        QdrantProtocolTestServer qdrant = QdrantTestResource.server();
        put("opening-hours", "Branches open from 9am to 5pm on weekdays.");
        awaitStatus("opening-hours", "indexed");
        assertThat(qdrant.points("acme__" + assistant)).isPositive();

        qdrant.down(true);

        TestKeys.asPlatform().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'knowledge-store' }.status", equalTo("DOWN"));
        TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", "when are branches open?"))
                .post(base + "/search")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("unavailable"));
        assertThat(searchOverKafka("when are branches open?")).isEmpty();
        put("parking", "Every branch has free parking for customers.");
        await().atMost(Duration.ofSeconds(30)).until(() -> retries() > 0);
        TestKeys.asPlatform().get(base + "/documents/parking").then().body("status", equalTo("queued"));

        qdrant.down(false);

        awaitStatus("parking", "indexed");
        TestKeys.asPlatform().get("/q/health/ready").then().statusCode(200);
        TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", "can I park at the branch?"))
                .post(base + "/search")
                .then().statusCode(200)
                .body("passages[0].documentId", equalTo("parking"));
    }

    /** How often the indexer found the store down and kept documents queued, from the Prometheus metrics. */
    private static double retries() {
        return TestKeys.asPlatform().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("confab_retrieval_indexing_retries_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void put(String documentId, String text) {
        TestKeys.asPlatform().contentType("text/plain")
                .body(text.getBytes(StandardCharsets.UTF_8))
                .put(base + "/documents/" + documentId)
                .then().statusCode(202);
    }

    private void awaitStatus(String documentId, String status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> TestKeys.asPlatform()
                .get(base + "/documents/" + documentId)
                .then().statusCode(200).body("status", equalTo(status)));
    }

    private List<?> searchOverKafka(String query) {
        String conversationId = "c-" + UUID.randomUUID();
        TopicClient kafka = TopicClient.shared();
        kafka.send(Envelope.first("acme", assistant, conversationId, "t-1", null, new RetrievalRequested(query, 3)));
        return ((RetrievalPerformed) kafka.awaitEvents(Topics.RETRIEVAL_RESULTS, conversationId, 1).get(0).payload())
                .passages();
    }
}
