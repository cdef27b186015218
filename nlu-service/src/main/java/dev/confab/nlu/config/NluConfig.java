package dev.confab.nlu.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the NLU service. */
@ConfigMapping(prefix = "nlu")
public interface NluConfig {

    /** Classpath resource with the assistant's labelled utterances, one {"text", "intent"} object per line. */
    @WithDefault("assistant/bank-support/nlu.jsonl")
    String trainingResource();

    /** Sentence encoder: all-minilm-l6-v2-q or bge-small-en-v15-q (docs/benchmarks.md compares them). */
    @WithDefault("all-minilm-l6-v2-q")
    String encoder();

    /** Longest prefix of a message that is classified; what a customer wants is in the first sentences. */
    @WithDefault("1000")
    int maxClassifiedChars();

    /** Longest text POST /v1/nlu/parse accepts. */
    @WithDefault("4000")
    int maxTextChars();
}
