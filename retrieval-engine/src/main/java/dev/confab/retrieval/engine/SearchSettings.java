package dev.confab.retrieval.engine;

/**
 * How {@link KnowledgeSearch} ranks and cuts.
 *
 * @param candidates    hits each retriever contributes before fusion
 * @param minSimilarity cosine similarity a chunk needs to count as an answer; 0 keeps everything
 * @param mmrLambda     1 ranks by relevance only; lower values trade relevance for diversity
 * @param denseWeight   the dense retriever's share of a hybrid score (the lexical one gets the rest)
 */
public record SearchSettings(int candidates, double minSimilarity, double mmrLambda, double denseWeight) {
}
