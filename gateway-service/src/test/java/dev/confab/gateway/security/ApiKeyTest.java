package dev.confab.gateway.security;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.AuditRecorded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.security.ApiKeys;
import dev.confab.contracts.security.Caller;
import dev.confab.contracts.security.Roles;
import dev.confab.testsupport.EveryEndpoint;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With API keys configured (and no anonymous tenant), each request acts for its key's tenant, within its rate, and
 * only where its roles allow.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ApiKeyTest.TwoTenants.class)
class ApiKeyTest {

    static final ApiKeys.NewKey ACME = ApiKeys.generate();
    static final ApiKeys.NewKey GLOBEX = ApiKeys.generate();
    static final ApiKeys.NewKey GLOBEX_SLOW = ApiKeys.generate();
    static final ApiKeys.NewKey ACME_AGENT = ApiKeys.generate();
    static final ApiKeys.NewKey PLATFORM = ApiKeys.generate();

    /**
     * Two tenants' client keys, a second key of Globex's held to one request a second with a burst of two, an agent
     * key of Acme's that may not chat, and a platform key with every role.
     */
    public static class TwoTenants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of("confab.auth.anonymous-tenant", ""));
            key(config, ACME, "acme", Roles.CLIENT);
            key(config, GLOBEX, "globex", Roles.CLIENT);
            key(config, GLOBEX_SLOW, "globex", Roles.CLIENT);
            config.put("confab.auth.api-keys." + GLOBEX_SLOW.keyId() + ".requests-per-second", "1");
            config.put("confab.auth.api-keys." + GLOBEX_SLOW.keyId() + ".burst", "2");
            key(config, ACME_AGENT, "acme", Roles.AGENT);
            key(config, PLATFORM, Caller.PLATFORM, String.join(",", Roles.ALL));
            return config;
        }

        private static void key(Map<String, String> config, ApiKeys.NewKey key, String tenant, String roles) {
            config.put("confab.auth.api-keys." + key.keyId() + ".tenant", tenant);
            config.put("confab.auth.api-keys." + key.keyId() + ".sha256", key.sha256());
            config.put("confab.auth.api-keys." + key.keyId() + ".roles", roles);
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

    @Test
    void theAgentDeskNeedsAnAgentKeyAndAnAgentKeyCannotChat() {
        String conversation = "c-" + UUID.randomUUID();

        agentMessage(given().header("X-API-Key", ACME.key()), conversation).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("role agent"));
        feedback(given().header("X-API-Key", ACME_AGENT.key()), conversation).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("role client"));
        agentMessage(given().header("X-API-Key", ACME_AGENT.key()), conversation).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.HANDOFFS, conversation, 1))
                .as("only the agent key's message went out, as Acme's").hasSize(1)
                .extracting(Envelope::tenantId).containsExactly("acme");
        String path = "/v1/agent/conversations/" + conversation + "/messages";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TopicClient.shared().conversation(Topics.AUDIT, "audit:acme").stream()
                        .map(record -> EventJson.fromTree(record.value()))
                        .filter(event -> ((AuditRecorded) event.payload()).target().equals(path)))
                .as("the auditors see the agent's message and the client key's attempt")
                .extracting(event -> (AuditRecorded) event.payload())
                .extracting(AuditRecorded::keyId, AuditRecorded::action, AuditRecorded::status)
                .containsExactlyInAnyOrder(
                        tuple(ACME.keyId(), "POST /v1/agent/conversations/{conversationId}/messages", 403),
                        tuple(ACME_AGENT.keyId(), "POST /v1/agent/conversations/{conversationId}/messages", 202)));
    }

    @Test
    void everyEndpointRefusesARequestWithoutAKey() {
        EveryEndpoint.assertEachAnswers(EveryEndpoint.ofThisModule(), EveryEndpoint::anonymous, 401);
    }

    @Test
    void aPlatformKeyCannotChatForNoTenantInParticular() {
        feedback(given().header("X-API-Key", PLATFORM.key()), "c-" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("tenant's key"));
    }

    private static Response agentMessage(RequestSpecification request, String conversation) {
        return request.contentType("application/json").body(Map.of("agentId", "ann", "text", "Hello, Ann here"))
                .post("/v1/agent/conversations/{id}/messages", conversation);
    }

    private static Response feedback(RequestSpecification request, String conversation) {
        return request.contentType("application/json").body(Map.of("csat", 5))
                .post("/v1/conversations/{id}/feedback", conversation);
    }
}
