package dev.confab.retrieval.rest;

import dev.confab.retrieval.engine.store.KnowledgeStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness follows the knowledge store: with Qdrant unreachable, search cannot answer and traffic should go elsewhere. */
@Readiness
@ApplicationScoped
public class KnowledgeStoreHealth implements HealthCheck {

    private final KnowledgeStore store;

    public KnowledgeStoreHealth(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("knowledge-store")
                .withData("store", store.kind())
                .status(store.reachable())
                .build();
    }
}
