package dev.confab.retrieval.rest;

import dev.confab.retrieval.SampleAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.OllamaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Follow-up questions are restated by the SLM (here the Ollama-protocol test server, not a model) into questions
 * that stand alone, by the heuristic reader when the SLM fails, and not at all when they already stand alone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SampleAssistant.class)
@QuarkusTestResource(OllamaTestResource.class)
class FollowUpTest {

    private static final String SEARCH = "/v1/knowledge/" + SampleAssistant.TENANT + "/" + SampleAssistant.ASSISTANT
            + "/search";

    private final OllamaProtocolTestServer ollama = OllamaProtocolTestServer.shared();

    @AfterEach
    void resetTheSlm() {
        ollama.reset();
    }

    @Test
    void theSlmRestatesAFollowUpFromTheConversation() {
        ollama.replyWith(List.of("How much does a spare physical card cost?"));

        search("and how much is it?", List.of("hello", "I want a spare physical card"))
                .body("searchedFor", equalTo("How much does a spare physical card cost?"));

        assertThat(ollama.chatRequests().get(ollama.chatRequests().size() - 1).toString())
                .contains("I want a spare physical card")
                .contains("and how much is it?");
    }

    @Test
    void withTheSlmFailingTheHeuristicReaderPrefixesThePreviousMessage() {
        ollama.failWith(500);

        search("and how much is it?", List.of("I want a spare physical card"))
                .body("searchedFor", equalTo("I want a spare physical card and how much is it?"))
                .body("passages[0].text", org.hamcrest.Matchers.containsString("A spare physical card costs £6"));
    }

    @Test
    void aQuestionThatStandsAloneIsSearchedAsAsked() {
        int before = ollama.chatRequests().size();

        search("How long does a SEPA transfer take?", List.of("I want a spare physical card"))
                .body("searchedFor", equalTo("How long does a SEPA transfer take?"));

        assertThat(ollama.chatRequests()).hasSize(before);
    }

    private static io.restassured.response.ValidatableResponse search(String query, List<String> context) {
        return TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("query", query, "context", context))
                .post(SEARCH)
                .then().statusCode(200);
    }
}
