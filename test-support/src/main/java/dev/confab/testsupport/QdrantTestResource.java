package dev.confab.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points retrieval-service under test at a {@link QdrantProtocolTestServer} (not a real Qdrant) of its own, which
 * tests reach through {@link #server()} to take it down and bring it back.
 */
public class QdrantTestResource implements QuarkusTestResourceLifecycleManager {

    private static QdrantProtocolTestServer server;

    public static QdrantProtocolTestServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new QdrantProtocolTestServer();
        return Map.of("retrieval.qdrant.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
