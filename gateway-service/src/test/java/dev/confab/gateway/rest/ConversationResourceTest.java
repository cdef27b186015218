package dev.confab.gateway.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyHistory;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

/** Opening, reading back and ending a conversation, and the API's published description. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ConversationResourceTest {

    private static final TopicClient kafka = TopicClient.shared();

    @Test
    void aNewConversationGetsAnIdNobodyChoseAndItsLinks() {
        given()
                .when().post("/v1/conversations")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/v1/conversations/c-[0-9a-f-]{36}/messages"))
                .body("conversationId", matchesPattern("c-[0-9a-f-]{36}"))
                .body("stream", containsString("/stream"));
    }

    @Test
    void historyIsWhatDialogAnswersForTheCallersTenant() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        CompletableFuture<Response> response = CompletableFuture.supplyAsync(() -> given()
                .queryParam("limit", 2)
                .when().get("/v1/conversations/{id}/messages", conversationId));

        Envelope asked = kafka.awaitEvents(Topics.CHAT_CONTROL, conversationId, 1).get(0);
        assertThat(asked.payload()).isEqualTo(new HistoryRequested(2, null));
        assertThat(asked.tenantId()).isEqualTo("default");
        kafka.send(asked.next(new ReplyHistory(true, List.of(
                new ReplyHistory.Entry(ChatTurn.Speaker.USER, "I lost my card", null, Instant.now()),
                new ReplyHistory.Entry(ChatTurn.Speaker.BOT, "I've frozen it.", Provenance.TEMPLATE,
                        Instant.now())), true)));

        response.get(30, TimeUnit.SECONDS).then()
                .statusCode(200)
                .body("conversationId", equalTo(conversationId))
                .body("messages.text", equalTo(List.of("I lost my card", "I've frozen it.")))
                .body("messages[1].provenance", equalTo("TEMPLATE"));
    }

    @Test
    void historyOfAConversationTheTenantDoesNotHaveIsNotFound() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        CompletableFuture<Response> response = CompletableFuture.supplyAsync(() -> given()
                .when().get("/v1/conversations/{id}/messages", conversationId));

        Envelope asked = kafka.awaitEvents(Topics.CHAT_CONTROL, conversationId, 1).get(0);
        kafka.send(asked.next(new ReplyHistory(false, List.of(), false)));

        response.get(30, TimeUnit.SECONDS).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(conversationId));
    }

    @Test
    void historyWithoutAnAnswerInTimeIsUnavailableRatherThanHanging() {
        given()
                .when().get("/v1/conversations/{id}/messages", "c-" + UUID.randomUUID())
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("not available"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "many"})
    void aHistoryLimitThatIsNotANumberInRangeIsRefused(String limit) {
        given()
                .queryParam("limit", limit)
                .when().get("/v1/conversations/{id}/messages", "c-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Query parameter 'limit' must be a number between 1 and 500"));
    }

    @Test
    void endingNeedsNoBody() {
        given()
                .when().post("/v1/conversations/{id}/end", "c-" + UUID.randomUUID())
                .then().statusCode(202);
    }

    @Test
    void endingAConversationAsksDialogToCloseIt() {
        String conversationId = "c-" + UUID.randomUUID();

        given()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "closed the chat window"))
                .when().post("/v1/conversations/{id}/end", conversationId)
                .then().statusCode(202);

        Envelope end = kafka.awaitEvents(Topics.CHAT_CONTROL, conversationId, 1).get(0);
        assertThat(end.payload()).isEqualTo(new ConversationEndRequested("closed the chat window"));
    }

    @Test
    void aTooLongReasonToEndIsRefused() {
        given()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x".repeat(201)))
                .when().post("/v1/conversations/{id}/end", "c-1")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theApiIsPublishedAsOpenApiWithItsKeyScheme() {
        given()
                .queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Confab chat API"))
                .body("paths", hasKey("/v1/conversations/{conversationId}/messages"))
                .body("paths", hasKey("/v1/conversations/{conversationId}/stream"))
                .body("paths", hasKey("/v1/conversations/{conversationId}/end"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
    }
}
