package dev.confab.generation;

import dev.confab.testsupport.OllamaProtocolTestServer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/**
 * What every test against the Ollama-protocol test server shares: the server, and a clean slate after each test
 * (its script, and a circuit breaker that a failing script may have opened).
 */
public abstract class ScriptedSidecarTest {

    protected final OllamaProtocolTestServer ollama = OllamaProtocolTestServer.shared();

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetSidecar() {
        ollama.reset();
        breakers.resetAll();
    }
}
