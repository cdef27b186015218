package dev.confab.retrieval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of knowledge ingestion and search; each has a default that suits one machine. */
@ConfigMapping(prefix = "retrieval")
public interface RetrievalConfig {

    /** Where the embedded (Lucene) store keeps an index per tenant and assistant. */
    @WithDefault("data/retrieval")
    Path dataDir();

    /** The in-process sentence encoder: all-minilm-l6-v2-q (the NLU's) or bge-small-en-v15-q. */
    @WithDefault("all-minilm-l6-v2-q")
    String encoder();

    /** Largest document accepted, in bytes, before parsing. */
    @WithDefault("10485760")
    int maxDocumentBytes();

    /** Most documents in one batch. */
    @WithDefault("500")
    int maxBatchDocuments();

    Chunking chunking();

    Search search();

    Indexing indexing();

    Qdrant qdrant();

    FollowUps followUps();

    /** How follow-up questions ("and how much is it?") are read before searching. */
    interface FollowUps {

        /** Ask the SLM to restate a follow-up as a standalone question; the heuristic reader answers otherwise. */
        @WithDefault("true")
        boolean slm();

        /** How long a search waits for the SLM's restatement before using the heuristic one. */
        @WithDefault("2s")
        Duration slmTimeout();
    }

    /** How documents are cut into chunks. */
    interface Chunking {

        @WithDefault("800")
        int maxChars();

        @WithDefault("150")
        int overlapChars();
    }

    /** How a search ranks and cuts its hits. */
    interface Search {

        @WithDefault("4")
        int defaultTopK();

        @WithDefault("20")
        int maxTopK();

        /** Hits each retriever (lexical, dense) contributes before fusion. */
        @WithDefault("50")
        int candidates();

        /**
         * Below this cosine similarity to the query a chunk is not an answer; when no chunk reaches it, search
         * answers "no answer" rather than the least bad passage.
         */
        @WithDefault("0.35")
        double minSimilarity();

        /**
         * The dense retriever's share of a hybrid score; the lexical (BM25) one gets the rest. 0.9 was chosen on half
         * of the sample bank questions and checked on the other half (docs/benchmarks.md).
         */
        @WithDefault("0.9")
        double denseWeight();

        /** Maximal marginal relevance: 1 ranks by relevance only, lower values favour passages unlike the ones above. */
        @WithDefault("0.75")
        double mmrLambda();

        /** Longest query accepted, in characters. */
        @WithDefault("1000")
        int maxQueryChars();
    }

    /** The queue that turns accepted documents into indexed chunks. */
    interface Indexing {

        /** How often the indexer looks for queued documents; a store outage is retried at this pace too. */
        @WithDefault("1s")
        Duration every();

        /** Chunks embedded per encoder call. */
        @WithDefault("32")
        int embeddingBatch();

        /** Documents taken per round. */
        @WithDefault("20")
        int documentsPerRound();
    }

    /** A Qdrant server; without a URL the embedded store is used. */
    interface Qdrant {

        /** {@code http://host:6334} (the gRPC port); empty means the embedded store. */
        Optional<String> url();

        /** Sent as the {@code api-key} header; from the environment, never from a file in the repository. */
        Optional<String> apiKey();

        @WithDefault("5s")
        Duration timeout();
    }
}
