package dev.confab.nlu.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the NLU service. */
@ConfigMapping(prefix = "nlu")
public interface NluConfig {

    /** The tenant whose assistant {@code POST /v1/nlu/parse} uses when the request names none. */
    @WithDefault("default")
    String defaultTenant();

    /** The assistant {@code POST /v1/nlu/parse} uses when the request names none. */
    @WithDefault("bank-support")
    String defaultAssistant();

    /** Sentence encoder: all-minilm-l6-v2-q or bge-small-en-v15-q (docs/benchmarks.md compares them). */
    @WithDefault("all-minilm-l6-v2-q")
    String encoder();

    /**
     * Weight of the intent head's lexical features against the sentence embedding (0: embedding only); 1 is what
     * cross-validation of BANKING77's training file chose (docs/benchmarks.md).
     */
    @WithDefault("1")
    double lexicalWeight();

    /**
     * ISO 639-1 codes of the languages told apart: the assistant's own and those its customers may write in
     * instead. Each costs about 27 MB of heap.
     */
    @WithDefault("en,fr,de,es,it,nl,pt")
    List<String> languages();

    /** Where the assistant's customers are: "tomorrow" and "3pm" are read in this zone. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * Per intent, the least confidence before the assistant acts on it, where the learned threshold is lower:
     * {@code nlu.minimum-confidence.terminate_account=0.8}.
     */
    Map<String, Double> minimumConfidence();

    /**
     * Where trained models are kept, so a restart does not retrain an unchanged assistant (the local run uses
     * {@code .local-run/nlu-models}); without it every start trains.
     */
    Optional<Path> modelStore();

    /** Longest prefix of a message that is classified; what a customer wants is in the first sentences. */
    @WithDefault("1000")
    int maxClassifiedChars();

    /** Longest text POST /v1/nlu/parse accepts. */
    @WithDefault("4000")
    int maxTextChars();

    /** Utterance discovery. */
    Discovery discovery();

    /** Settings of POST /v1/nlu/discover. */
    interface Discovery {

        /** Most utterances one request may cluster; clustering time grows with the square of the count. */
        @WithDefault("3000")
        int maxUtterances();

        /** How many recent out-of-scope or ambiguous messages are kept per assistant for discovery. */
        @WithDefault("2000")
        int recentFallbacks();

        /** Fewest utterances that make a cluster, unless the request says otherwise. */
        @WithDefault("5")
        int minClusterSize();
    }
}
