package dev.confab.retrieval.engine.store;

/** A chunk a store found for a query, with the store's fused score (higher is better, comparable within a query only). */
public record Candidate(IndexedChunk chunk, double score) {
}
