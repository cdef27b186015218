package dev.confab.gateway.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.HandoffEnded;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The agent desk's API: a handoff taken, a message to the user and the conversation given back, in order. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AgentResourceTest {

    @Test
    void publishesTheAgentsSideOfAHandoffInOrder() {
        String conversation = "c-" + UUID.randomUUID();

        post(conversation, "accept", Map.of("agentId", "agent-7")).then().statusCode(202);
        post(conversation, "messages", Map.of("agentId", "agent-7", "text", "Hi, I'm Sam.")).then().statusCode(202);
        post(conversation, "release", Map.of("agentId", "agent-7")).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.HANDOFFS, conversation, 3)).extracting(Envelope::payload)
                .containsExactly(new HandoffAccepted("agent-7"), new AgentMessage("agent-7", "Hi, I'm Sam."),
                        new HandoffEnded("agent-7"));
    }

    @Test
    void refusesARequestWithoutAnAgentOrText() {
        post("c-1", "accept", Map.of()).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("agentId"));
        post("c-1", "messages", Map.of("agentId", "agent-7", "text", " ")).then().statusCode(400)
                .body("detail", containsString("'text'"));
    }

    private static Response post(String conversation, String action, Map<String, ?> body) {
        return TestKeys.asDefaultAgent().contentType("application/json").body(body)
                .post("/v1/agent/conversations/{id}/{action}", conversation, action);
    }
}
