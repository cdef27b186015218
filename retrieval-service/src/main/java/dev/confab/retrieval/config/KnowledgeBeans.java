package dev.confab.retrieval.config;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.engine.document.DocumentParser;
import dev.confab.retrieval.engine.Embedder;
import dev.confab.retrieval.engine.KnowledgeSearch;
import dev.confab.retrieval.engine.QueryRewriter;
import dev.confab.retrieval.engine.SearchSettings;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.LuceneKnowledgeStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the plain-Java pieces of retrieval from configuration, so that {@code bin/kb-eval} and the benchmark can
 * assemble the very same classes without a container.
 */
public class KnowledgeBeans {

    @Produces
    @Singleton
    KnowledgeStore store(RetrievalConfig config) {
        Log.infof("Knowledge store: embedded Lucene under %s", config.dataDir().toAbsolutePath());
        return new LuceneKnowledgeStore(config.dataDir());
    }

    void close(@Disposes KnowledgeStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
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
