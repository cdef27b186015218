package dev.confab.retrieval.engine;

import dev.confab.contracts.event.Passage;
import dev.confab.retrieval.engine.store.IndexedChunk;

/**
 * A chunk that answers a query.
 *
 * @param similarity cosine similarity of the chunk to the query, the absolute measure the "no answer" threshold uses
 * @param score      the store's fused rank score, which orders hits within one search
 */
public record Hit(IndexedChunk chunk, double similarity, double score) {

    public Passage passage() {
        return new Passage(chunk.documentId(), chunk.chunkId(), chunk.title(), chunk.url(), chunk.text(), similarity,
                chunk.start(), chunk.end());
    }
}
