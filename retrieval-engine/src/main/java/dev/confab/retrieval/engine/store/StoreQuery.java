package dev.confab.retrieval.engine.store;

import java.util.Set;

/**
 * A query as a store runs it.
 *
 * @param vector      the query's unit-length embedding
 * @param tags        keep chunks with any of these tags; empty keeps all
 * @param documentIds keep chunks of these documents; empty keeps all
 * @param limit       how many fused candidates to return
 * @param denseWeight in hybrid mode, the dense retriever's share of the fused score
 */
public record StoreQuery(String text, float[] vector, SearchMode mode, Set<String> tags, Set<String> documentIds,
                         int limit, double denseWeight) {

    public StoreQuery {
        tags = Set.copyOf(tags);
        documentIds = Set.copyOf(documentIds);
    }

    /** The dense retriever's share of the fused score in this query's mode. */
    public double fusionWeight() {
        return switch (mode) {
            case DENSE -> 1;
            case BM25 -> 0;
            case HYBRID -> denseWeight;
        };
    }
}
