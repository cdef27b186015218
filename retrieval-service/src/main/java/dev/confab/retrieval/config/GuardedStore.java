package dev.confab.retrieval.config;

import dev.confab.retrieval.engine.store.Candidate;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.IndexedChunk;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.StoreQuery;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Puts a circuit breaker in front of a store: after repeated failures (Qdrant down) calls fail at once with
 * {@link StoreUnavailableException} for a while instead of each waiting for a timeout, so searches degrade to a
 * quick, clear error and the indexer's retries do not pile up. The breaker's state is in the metrics
 * ({@code ft_circuitbreaker_*}, description {@code knowledge-store}).
 */
final class GuardedStore implements KnowledgeStore {

    private static final int WINDOW = 10;
    private static final int OPEN_SECONDS = 5;

    private final KnowledgeStore store;
    private final Guard guard = Guard.create()
            .withDescription("knowledge-store")
            .withCircuitBreaker().requestVolumeThreshold(WINDOW).failureRatio(0.5)
            .delay(OPEN_SECONDS, ChronoUnit.SECONDS)
            .failOn(StoreUnavailableException.class)
            .done()
            .build();

    GuardedStore(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    public void replace(Collection collection, String documentId, List<IndexedChunk> chunks) {
        guarded(() -> {
            store.replace(collection, documentId, chunks);
            return null;
        });
    }

    @Override
    public void delete(Collection collection, String documentId) {
        guarded(() -> {
            store.delete(collection, documentId);
            return null;
        });
    }

    @Override
    public List<Candidate> search(Collection collection, StoreQuery query) {
        return guarded(() -> store.search(collection, query));
    }

    @Override
    public long count(Collection collection) {
        return guarded(() -> store.count(collection));
    }

    /** Asks the store itself, past the breaker: readiness must see Qdrant come back. */
    @Override
    public boolean reachable() {
        return store.reachable();
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public void close() {
        store.close();
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(Callable<T> call) {
        try {
            // Object.class: a synchronous call whatever it returns.
            return (T) guard.call((Callable<Object>) call, Object.class);
        } catch (CircuitBreakerOpenException e) {
            throw new StoreUnavailableException("The knowledge store failed repeatedly; not calling it for "
                    + OPEN_SECONDS + " s", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException("Knowledge store call failed: " + e.getMessage(), e);
        }
    }
}
