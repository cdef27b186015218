package dev.confab.retrieval.engine.store;

/** Which retrievers a search uses; hybrid is the default, the other two exist to measure it. */
public enum SearchMode {
    /** Embedding similarity only. */
    DENSE,
    /** Lexical (BM25) only. */
    BM25,
    /** Both, fused by reciprocal rank. */
    HYBRID
}
