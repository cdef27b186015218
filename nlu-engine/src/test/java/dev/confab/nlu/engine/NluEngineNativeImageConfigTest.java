package dev.confab.nlu.engine;

import dev.confab.testsupport.NativeImageConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A native executable keeps the encoders' model and tokenizer files and lingua's language models. */
class NluEngineNativeImageConfigTest {

    @Test
    void theEncoderFilesAndLanguageModelsAreIncluded() {
        assertThat(NativeImageConfig.includesResource("nlu-engine", "all-minilm-l6-v2-q.onnx")).isTrue();
        assertThat(NativeImageConfig.includesResource("nlu-engine", "bge-small-en-v1.5-q-tokenizer.json")).isTrue();
        assertThat(NativeImageConfig.includesResource("nlu-engine", "language-models/sl/trigrams.json")).isTrue();
        assertThat(getClass().getClassLoader().getResource("all-minilm-l6-v2-q.onnx"))
                .as("the name the config includes is the one the encoder jar has").isNotNull();
    }
}
