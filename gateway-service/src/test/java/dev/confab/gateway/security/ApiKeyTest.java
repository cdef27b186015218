package dev.confab.gateway.security;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With API keys configured (and no anonymous tenant), each request acts for its key's tenant, within its rate. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ApiKeyTest.TwoTenants.class)
class ApiKeyTest {

    static final ApiKeys.NewKey ACME = ApiKeys.generate();
    static final ApiKeys.NewKey GLOBEX = ApiKeys.generate();
    static final ApiKeys.NewKey GLOBEX_SLOW = ApiKeys.generate();

    /** Two tenants' keys, and a second key of Globex's held to one request a second with a burst of two. */
    public static class TwoTenants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.anonymous-tenant", "",
                    "gateway.api-keys." + ACME.keyId() + ".tenant", "acme",
                    "gateway.api-keys." + ACME.keyId() + ".sha256", ACME.sha256(),
                    "gateway.api-keys." + GLOBEX.keyId() + ".tenant", "globex",
                    "gateway.api-keys." + GLOBEX.keyId() + ".sha256", GLOBEX.sha256(),
                    "gateway.api-keys." + GLOBEX_SLOW.keyId() + ".tenant", "globex",
                    "gateway.api-keys." + GLOBEX_SLOW.keyId() + ".sha256", GLOBEX_SLOW.sha256(),
                    "gateway.api-keys." + GLOBEX_SLOW.keyId() + ".requests-per-second", "1",
                    "gateway.api-keys." + GLOBEX_SLOW.keyId() + ".burst", "2");
        }
    }

    @Test
    void aRequestWithoutAValidKeyIsRefusedAndSendsNothing() {
        String conversation = "c-" + UUID.randomUUID();

        feedback(given(), conversation).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("API key is required"));
        feedback(given().header("Authorization", "Bearer " + ACME.key() + "x"), conversation).then().statusCode(401)
                .body("detail", containsString("not valid"));
        String forged = "cfk." + ACME.keyId() + "." + GLOBEX.key().substring(GLOBEX.key().lastIndexOf('.') + 1);
        feedback(given().header("X-API-Key", forged), conversation).then().statusCode(401);
        feedback(given().header("X-API-Key", ACME.key()), conversation).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.CONVERSATION_EVENTS, conversation, 1))
                .as("only the request with the right key got through").hasSize(1)
                .extracting(Envelope::tenantId).containsExactly("acme");
    }

    @Test
    void eachKeyActsForItsOwnTenant() {
        String conversation = "c-" + UUID.randomUUID();

        feedback(given().header("Authorization", "Bearer " + GLOBEX.key()), conversation).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.CONVERSATION_EVENTS, conversation, 1))
                .extracting(Envelope::tenantId).containsExactly("globex");
    }

    @Test
    void aKeyOverItsRateIsToldWhenToComeBack() {
        String conversation = "c-" + UUID.randomUUID();
        Supplier<RequestSpecification> globex = () -> given().header("Authorization", "Bearer " + GLOBEX_SLOW.key());
        int accepted = 0;
        int status;
        do {
            status = feedback(globex.get(), conversation).then().extract().statusCode();
            accepted += status == 202 ? 1 : 0;
        } while (status == 202 && accepted < 10);

        assertThat(status).isEqualTo(429);
        assertThat(accepted).as("the burst, and what refilled meanwhile").isBetween(2, 4);
        feedback(globex.get(), conversation).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", equalTo("1"));
        // Other keys, even the same tenant's, are not held back.
        feedback(given().header("Authorization", "Bearer " + GLOBEX.key()), conversation).then().statusCode(202);
    }

    private static Response feedback(RequestSpecification request, String conversation) {
        return request.contentType("application/json").body(Map.of("csat", 5))
                .post("/v1/conversations/{id}/feedback", conversation);
    }
}
