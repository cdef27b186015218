package dev.confab.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points quarkus-langchain4j's Ollama client at the JVM's shared {@link OllamaProtocolTestServer}. */
public class OllamaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.langchain4j.ollama.base-url", OllamaProtocolTestServer.shared().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every application of this JVM.
    }
}
