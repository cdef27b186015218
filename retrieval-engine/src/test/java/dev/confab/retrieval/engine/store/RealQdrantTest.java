package dev.confab.retrieval.engine.store;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Duration;

/**
 * The shared store behaviour against a real Qdrant at {@code QDRANT_URL} (its gRPC port, e.g.
 * {@code http://localhost:6334}, with {@code QDRANT_API_KEY} if it needs one); skipped, saying so, when unset.
 * It leaves its {@code test-*} collections behind for inspection.
 */
@EnabledIfEnvironmentVariable(named = "QDRANT_URL", matches = ".+",
        disabledReason = "QDRANT_URL is not set: no real Qdrant to test against (the test-server case runs regardless)")
class RealQdrantTest extends KnowledgeStoreBehaviour {

    @Override
    protected KnowledgeStore connect() {
        return QdrantKnowledgeStore.connect(System.getenv("QDRANT_URL"), System.getenv("QDRANT_API_KEY"), 384,
                Duration.ofSeconds(5));
    }
}
