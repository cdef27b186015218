package dev.confab.retrieval.engine;

import dev.confab.nlu.engine.Vectors;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.SearchMode;
import dev.confab.retrieval.engine.store.StoreQuery;

import java.util.List;
import java.util.Set;

/**
 * Finds the passages that answer a query: embeds it, lets the store fuse its lexical and dense rankings, drops chunks
 * too unlike the query to be an answer, and diversifies the rest. The same code serves the API, Kafka requests and
 * {@code bin/kb-eval}, so what is measured is what runs.
 */
public final class KnowledgeSearch {

    private final Embedder embedder;
    private final KnowledgeStore store;
    private final SearchSettings settings;

    public KnowledgeSearch(Embedder embedder, KnowledgeStore store, SearchSettings settings) {
        this.embedder = embedder;
        this.store = store;
        this.settings = settings;
    }

    /** The best {@code topK} hits, best first; empty means no chunk answers the query. */
    public List<Hit> search(Collection collection, String query, SearchMode mode, Set<String> tags,
                            Set<String> documentIds, int topK) {
        float[] vector = embedder.embed(query);
        int candidates = Math.max(topK, settings.candidates());
        List<Hit> hits = store.search(collection, new StoreQuery(query, vector, mode, tags, documentIds, candidates,
                        settings.denseWeight()))
                .stream()
                .map(candidate -> new Hit(candidate.chunk(), Vectors.dot(vector, candidate.chunk().vector()),
                        candidate.score()))
                .filter(hit -> mode == SearchMode.BM25 || hit.similarity() >= settings.minSimilarity())
                .toList();
        return Mmr.select(hits, topK, settings.mmrLambda());
    }
}
