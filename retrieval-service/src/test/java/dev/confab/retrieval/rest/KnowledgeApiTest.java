package dev.confab.retrieval.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.DocumentIndexed;
import dev.confab.contracts.event.Envelope;
import dev.confab.retrieval.SampleAssistant;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.service.StoreReconciler;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.TenantRows;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The knowledge API end to end: PostgreSQL queue, real encoder, Lucene on disk, events on real Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SampleAssistant.class)
class KnowledgeApiTest {

    private static final String DELIVERY = """
            # Delivery policy

            ## Parcel delivery
            Parcels are delivered by courier within 3 working days of dispatch. A courier leaves a card if nobody is in.

            ## Lost parcels
            A parcel not delivered after 10 working days is declared lost and refunded in full.
            """;

    @Inject
    KnowledgeStore store;

    @Inject
    StoreReconciler reconciler;

    private final String assistant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/v1/knowledge/acme/" + assistant;

    @Test
    void aDocumentPutIsQueuedIndexedAnnouncedAndFoundWithItsCitation() {
        put("delivery", "text/markdown", DELIVERY)
                .statusCode(202)
                .header("Location", containsString(base + "/documents/delivery"))
                .body("status", equalTo("queued"));
        awaitIndexed("delivery");

        Map<String, Object> passage = TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("query", "how many days until the courier brings my parcel?"))
                .post(base + "/search")
                .then().statusCode(200)
                .body("answered", equalTo(true))
                .extract().path("passages[0]");
        assertThat(passage).containsEntry("documentId", "delivery")
                .containsEntry("title", "Delivery policy")
                .containsEntry("url", "https://shop.example/delivery");
        String cited = DELIVERY.substring((Integer) passage.get("start"), (Integer) passage.get("end"));
        assertThat(cited).isEqualTo(passage.get("text")).contains("within 3 working days");

        Envelope event = TopicClient.shared().awaitEvents(Topics.KNOWLEDGE_EVENTS, "document:delivery", 1).stream()
                .filter(indexed -> indexed.assistantId().equals(assistant))
                .findFirst().orElseThrow();
        assertThat((DocumentIndexed) event.payload()).satisfies(indexed -> {
            assertThat(indexed.origin()).isEqualTo("api");
            assertThat(indexed.tags()).containsExactly("shipping");
            assertThat(indexed.chunks()).isPositive();
        });
    }

    @Test
    void anUnchangedDocumentIsNotIndexedAgainAndAChangedOneReplacesItsChunks() {
        put("delivery", "text/markdown", DELIVERY).statusCode(202);
        String checksum = awaitIndexed("delivery");

        put("delivery", "text/markdown", DELIVERY).statusCode(202).body("status", equalTo("indexed"))
                .body("checksum", equalTo(checksum));

        put("delivery", "text/markdown", "# Delivery policy\n\nParcels travel by drone and land within an hour.\n")
                .statusCode(202).body("status", equalTo("queued"));
        assertThat(awaitIndexed("delivery")).isNotEqualTo(checksum);

        assertThat(search("how do parcels travel?")).containsExactly("Parcels travel by drone and land within an hour.");
        assertThat(search("how long does the courier take?"))
                .allSatisfy(text -> assertThat(text).doesNotContain("courier"));
    }

    @Test
    void aDeletedDocumentIsNoLongerFound() {
        put("delivery", "text/markdown", DELIVERY).statusCode(202);
        awaitIndexed("delivery");

        TestKeys.asPlatform().delete(base + "/documents/delivery").then().statusCode(204);

        TestKeys.asPlatform().get(base + "/documents/delivery").then().statusCode(404)
                .contentType("application/problem+json");
        TestKeys.asPlatform().delete(base + "/documents/delivery").then().statusCode(404);
        TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", "when does my parcel arrive?"))
                .post(base + "/search")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("passages", empty());
    }

    @Test
    void aQuestionTheKnowledgeBaseCannotAnswerGetsAnExplicitNoAnswer() {
        TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("query", "who won the football world cup in 1966?"))
                .post("/v1/knowledge/" + SampleAssistant.TENANT + "/" + SampleAssistant.ASSISTANT + "/search")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("passages", empty());
    }

    @Test
    void aKnowledgeBaseTheStoreLostIsRebuiltFromTheDatabase() {
        put("delivery", "text/markdown", DELIVERY).statusCode(202);
        awaitIndexed("delivery");
        store.delete(new Collection("acme", assistant), "delivery");
        assertThat(search("how many days until the courier brings my parcel?")).isEmpty();

        reconciler.reconcile();

        TestKeys.asPlatform().get(base + "/documents/delivery").then().body("status", equalTo("queued"));
        awaitIndexed("delivery");
        assertThat(search("how many days until the courier brings my parcel?")).isNotEmpty();
    }

    @Test
    void badDocumentsAreRefusedWithAReasonAndNothingIsStored() {
        byte[] garbage = new byte[2048];
        new java.util.Random(3).nextBytes(garbage);

        refused(put("empty", "text/plain", ""), 422, "empty");
        refused(put("garbage", "text/plain", garbage), 422, "not UTF-8 text");
        refused(put("archive", "application/zip", garbage), 415, "Unsupported content type");
        refused(put("scan", "application/pdf", garbage), 422, "Not a readable PDF");
        refused(put("huge", "text/plain", new byte[10 * 1024 * 1024 + 1]), 413, "the limit is 10485760");
        refused(put("Bad id!", "text/plain", "text"), 422, "document id");

        for (String documentId : List.of("empty", "garbage", "archive", "scan", "huge")) {
            TestKeys.asPlatform().get(base + "/documents/" + documentId).then().statusCode(404);
        }
    }

    @Test
    void aTwoHundredMegabyteUploadIsRefusedFromItsHeadersAlone() throws IOException {
        // Only the headers are sent: the refusal must not wait for (or read) the 200 MB body.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("PUT " + base + "/documents/enormous HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + 200L * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("the limit is");
        }
    }

    @Test
    void aBatchIsQueuedAllOrNothingAndReportsItsProgress() {
        Map<String, Object> bad = Map.of("documentId", "broken", "contentType", "text/html", "content", "<p> </p>");
        refused(TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(document("returns", "Returns are free within 30 days."), bad)))
                .post(base + "/batches").then(), 422, "no text");
        TestKeys.asPlatform().get(base + "/documents/returns").then().statusCode(404);

        String location = TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(
                        document("returns", "Returns are free within 30 days."),
                        document("warranty", "Every device has a two-year warranty."),
                        document("gift-cards", "Gift cards never expire."))))
                .post(base + "/batches")
                .then().statusCode(202)
                .body("total", equalTo(3))
                .extract().header("Location");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> TestKeys.asPlatform().get(location).then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("indexed", equalTo(3)));
        TestKeys.asPlatform().get(base + "/documents").then().statusCode(200)
                .body("documentId", contains("gift-cards", "returns", "warranty"));
    }

    @Test
    void badSearchesAndBadIdsAreRefused() {
        refused(TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", " "))
                        .post(base + "/search").then(),
                400, "query is required");
        refused(TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", "fees", "topK", 500))
                .post(base + "/search").then(), 400, "topK");
        refused(TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("query", "x".repeat(1001)))
                .post(base + "/search").then(), 400, "limit is 1000");
        refused(TestKeys.asPlatform().get("/v1/knowledge/ac__me/x/documents").then(), 400, "Invalid tenant");
    }

    /** The status line, headers and body of one response whose body length the headers give. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = Integer.parseInt(headers.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void oneTenantsDocumentsAreInvisibleToAnotherBeneathTheService() throws SQLException {
        put("delivery", "text/markdown", DELIVERY).statusCode(202);
        TestKeys.asPlatform().contentType("text/markdown").body(DELIVERY.getBytes(StandardCharsets.UTF_8))
                .put("/v1/knowledge/globex/" + assistant + "/documents/delivery").then().statusCode(202);

        assertThat(TenantRows.tenantOwnedTables()).containsExactly("knowledge_document");
        assertThat(TenantRows.visible("knowledge_document", "acme")).containsExactly("acme");
        assertThat(TenantRows.visible("knowledge_document", "globex")).containsExactly("globex");
        assertThat(TenantRows.visible("knowledge_document", null)).as("no tenant entered").isEmpty();
        RestAssured.given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'tenant-isolation' }.status", equalTo("UP"));
    }

    private ValidatableResponse put(String documentId, String contentType, Object content) {
        return TestKeys.asPlatform().contentType(contentType)
                .queryParam("url", "https://shop.example/delivery")
                .queryParam("tag", "shipping")
                .body(content instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) content)
                .put(base + "/documents/" + documentId)
                .then();
    }

    /** Waits until the document is indexed and returns its checksum. */
    private String awaitIndexed(String documentId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> TestKeys.asPlatform().get(base + "/documents/" + documentId).then().statusCode(200)
                        .extract()
                        .<Map<String, Object>>path(""), view -> "indexed".equals(view.get("status")))
                .get("checksum").toString();
    }

    private List<String> search(String query) {
        return TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .post(base + "/search")
                .then().statusCode(200)
                .extract().path("passages.text");
    }

    private static Map<String, Object> document(String documentId, String content) {
        return Map.of("documentId", documentId, "contentType", "text/plain", "content", content);
    }

    private static void refused(ValidatableResponse response, int status, String reason) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("detail", containsString(reason));
    }
}
