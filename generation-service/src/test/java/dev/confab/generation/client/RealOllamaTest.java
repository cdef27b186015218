package dev.confab.generation.client;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Provenance;
import dev.confab.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.List;
import java.util.Map;

import static dev.confab.generation.GenerationRequests.BANK;
import static dev.confab.generation.GenerationRequests.FEES;
import static dev.confab.generation.GenerationRequests.ask;
import static dev.confab.generation.GenerationRequests.completed;
import static dev.confab.generation.GenerationRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * generation-service against a real Ollama at {@code OLLAMA_URL} (with {@code OLLAMA_MODEL} pulled, default
 * {@code qwen2.5:0.5b-instruct}); skipped, saying so, when unset. It checks what a real model must do through
 * the client, not what it says: stream an answer, report its usage, and follow the typed task's JSON schema.
 */
@EnabledIfEnvironmentVariable(named = "OLLAMA_URL", matches = ".+",
        disabledReason = "OLLAMA_URL is not set: no real Ollama to test against (the test-server cases run regardless)")
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = RealOllamaTest.RealOllama.class, restrictToAnnotatedClass = true)
class RealOllamaTest {

    @Test
    void aRealModelStreamsAnAnswerAndReportsItsUsage() {
        GenerationCompleted record = completed(ask("Do new cards cost anything?", List.of(FEES)));

        assertThat(record.provenance()).isIn(Provenance.RAG, Provenance.EXTRACTIVE);
        assertThat(record.text()).isNotBlank();
        if (record.provenance() == Provenance.RAG) {
            assertThat(record.model()).isNotBlank();
            assertThat(record.promptTokens()).isPositive();
            assertThat(record.completionTokens()).isPositive();
        }
    }

    @Test
    void aRealModelFollowsTheTypedTasksSchema() {
        GenerationCompleted record = completed(send(new GenerationRequested(GenerationTask.CLASSIFY,
                List.of(new ChatTurn(Speaker.USER, "I mean the savings one")), List.of(), "unknown", null,
                "Which account does the user mean: current or savings? Answer with one word.", true, false, null,
                BANK, null)));

        assertThat(record.provenance()).isEqualTo(Provenance.GENERATIVE);
        assertThat(record.text()).isNotBlank().doesNotContain("{");
    }

    /** Points the sidecar client at the real Ollama, with the generous timeouts of a CPU-only model. */
    public static class RealOllama implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String model = System.getenv().getOrDefault("OLLAMA_MODEL", "qwen2.5:0.5b-instruct");
            // The sidecar URL properties themselves, which the test server's resource (applied to every test class
            // of this module) does not set, so this URL wins.
            return Map.of("generation.sidecar.base-url", System.getenv("OLLAMA_URL"),
                    "quarkus.rest-client.slm-sidecar.url", System.getenv("OLLAMA_URL"),
                    "generation.sidecar.model", model,
                    "generation.first-token-timeout", "60s",
                    "generation.inter-token-timeout", "30s");
        }

        @Override
        public void stop() {
            // Nothing was started: the Ollama is the developer's.
        }
    }
}
