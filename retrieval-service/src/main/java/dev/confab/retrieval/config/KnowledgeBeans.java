package dev.confab.retrieval.config;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.retrieval.engine.DocumentChunks;
import dev.confab.retrieval.engine.Embedder;
import dev.confab.retrieval.engine.KnowledgeSearch;
import dev.confab.retrieval.engine.QueryRewriter;
import dev.confab.retrieval.engine.SearchSettings;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.engine.document.DocumentParser;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.LuceneKnowledgeStore;
import dev.confab.retrieval.engine.store.QdrantKnowledgeStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the plain-Java pieces of retrieval from configuration, so that {@code bin/kb-eval} and the benchmark can
 * assemble the very same classes without a container.
 */
public class KnowledgeBeans {

    /** Qdrant when a URL is configured, else the embedded Lucene store; behind a circuit breaker either way. */
    @Produces
    @Singleton
    KnowledgeStore store(RetrievalConfig config, Embedder embedder) {
        RetrievalConfig.Qdrant qdrant = config.qdrant();
        if (qdrant.url().isPresent()) {
            Log.infof("Knowledge store: Qdrant at %s", qdrant.url().get());
            return new GuardedStore(QdrantKnowledgeStore.connect(qdrant.url().get(), qdrant.apiKey().orElse(null),
                    embedder.dimension(), qdrant.timeout()));
        }
        Log.infof("Knowledge store: embedded Lucene under %s", config.dataDir().toAbsolutePath());
        return new GuardedStore(new LuceneKnowledgeStore(config.dataDir()));
    }

    void close(@Disposes KnowledgeStore store) {
        store.close();
    }

    @Produces
    @Singleton
    Embedder embedder(RetrievalConfig config) {
        return new Embedder(new SentenceEncoder(SentenceEncoder.Kind.fromId(config.encoder())),
                config.indexing().embeddingBatch());
    }

    @Produces
    @Singleton
    Chunker chunker(RetrievalConfig config) {
        return new Chunker(config.chunking().maxChars(), config.chunking().overlapChars());
    }

    @Produces
    @Singleton
    DocumentChunks chunking(Chunker chunker, Embedder embedder) {
        return new DocumentChunks(chunker, embedder);
    }

    @Produces
    @Singleton
    DocumentParser parser() {
        return new DocumentParser();
    }

    @Produces
    @Singleton
    QueryRewriter rewriter() {
        return new QueryRewriter();
    }

    @Produces
    @Singleton
    KnowledgeSearch search(Embedder embedder, KnowledgeStore store, RetrievalConfig config) {
        RetrievalConfig.Search search = config.search();
        return new KnowledgeSearch(embedder, store,
                new SearchSettings(search.candidates(), search.minSimilarity(), search.mmrLambda(),
                        search.denseWeight()));
    }
}
