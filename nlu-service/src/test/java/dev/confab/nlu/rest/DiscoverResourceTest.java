package dev.confab.nlu.rest;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.contracts.event.UserMessage;
import dev.confab.nlu.NluReadiness;
import dev.confab.nlu.TestAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /v1/nlu/discover with the test assistant (block_card, order_card, check_balance). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestAssistant.class)
class DiscoverResourceTest {

    private static final List<String> LOST_CARD = List.of("I lost my card, please block it",
            "my card was stolen, block it now", "someone took my card, freeze it", "block my stolen card",
            "please lock my card, it is lost", "my wallet is gone, block the card");
    private static final List<String> MORTGAGE = List.of("what is your mortgage interest rate",
            "how much interest do you charge on a mortgage", "current mortgage rates please",
            "tell me the interest rate for a home mortgage", "mortgage rate for a new house",
            "what rate would my mortgage have");
    private static final List<String> WEATHER = List.of("will it rain tomorrow", "what is the weather like today",
            "is it going to be sunny this weekend", "weather forecast for tomorrow please",
            "do I need an umbrella today", "how cold will it be tonight");

    @BeforeEach
    void modelIsTrained() {
        NluReadiness.awaitModel();
    }

    @Test
    void tellsANewIntentFromMoreDataForAnExistingOne() {
        List<String> utterances = new ArrayList<>(LOST_CARD);
        utterances.addAll(MORTGAGE);

        discover(Map.of("utterances", utterances, "minClusterSize", 4))
                .then().statusCode(200)
                .body("utterances", equalTo(12))
                .body("candidates.size()", greaterThanOrEqualTo(2))
                .body("candidates.find { it.keywords.contains('mortgage') }.kind", equalTo("new_intent"))
                .body("candidates.find { it.existingIntent == 'block_card' }.kind", equalTo("existing_intent"))
                .body("candidates.find { it.keywords.contains('mortgage') }.representative[0]",
                        containsString("mortgage"));
    }

    @Test
    void clustersAnAssistantsRecentFallbacksAndNoOneElses() {
        String tenant = "t-" + UUID.randomUUID();
        TestAssistant.release(tenant);
        List<String> outOfScope = new ArrayList<>(MORTGAGE);
        outOfScope.addAll(WEATHER);
        List<String> conversations = new ArrayList<>();
        outOfScope.forEach(text -> {
            conversations.add("c-" + UUID.randomUUID());
            TopicClient.shared().send(Envelope.first(tenant, "bank-support", conversations.get(conversations.size() - 1),
                    "t-1", null, new UserMessage(text, "web")));
        });

        // HDBSCAN needs more than one group to tell a cluster from the rest.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                discover(Map.of("tenantId", tenant, "assistantId", "bank-support", "minClusterSize", 3))
                        .then().statusCode(200)
                        .body("utterances", equalTo(outOfScope.size()))
                        .body("candidates.kind", hasItem("new_intent")));
        discover(Map.of("tenantId", "another-tenant", "assistantId", "bank-support"))
                .then().statusCode(200)
                .body("utterances", equalTo(0));

        // The user who asked about mortgages is erased: what nlu kept of their conversations goes too.
        TopicClient.shared().send(Envelope.first(tenant, "all", "user:u-1", "forget-1", null,
                new UserForgotten("u-1", conversations.subList(0, MORTGAGE.size()))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                discover(Map.of("tenantId", tenant, "assistantId", "bank-support", "minClusterSize", 3))
                        .then().statusCode(200)
                        .body("utterances", equalTo(WEATHER.size())));
    }

    @Test
    void refusesRequestsItCannotServeWithAReason() {
        discover(Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("tenantId"));
        discover(Map.of("utterances", List.of("ok", ""))).then().statusCode(400)
                .body("detail", containsString("non-empty"));
        discover(Map.of("utterances", java.util.Collections.nCopies(3001, "hello there")))
                .then().statusCode(400).body("detail", containsString("the limit is 3000"));
        discover(Map.of("utterances", LOST_CARD, "minClusterSize", 1)).then().statusCode(400)
                .body("detail", containsString("minClusterSize"));
    }

    private static Response discover(Map<String, Object> body) {
        return TestKeys.asPlatform().contentType(ContentType.JSON).body(body).post("/v1/nlu/discover");
    }
}
