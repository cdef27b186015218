package dev.confab.nlu.engine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.util.List;
import java.util.function.Supplier;

/** Turns utterances into sentence embeddings with a quantized ONNX encoder that runs in-process. */
public final class SentenceEncoder {

    /** The encoders shipped on Maven Central that this engine can use. */
    public enum Kind {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", () -> new OnnxEncoderModel("all-minilm-l6-v2-q.onnx",
                "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384)),
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", () -> new OnnxEncoderModel("bge-small-en-v1.5-q.onnx",
                "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384));

        private final String id;
        private final Supplier<EmbeddingModel> factory;

        Kind(String id, Supplier<EmbeddingModel> factory) {
            this.id = id;
            this.factory = factory;
        }

        public String id() {
            return id;
        }

        public static Kind fromId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown encoder '" + id + "'; use all-minilm-l6-v2-q or bge-small-en-v15-q");
        }
    }

    private final Kind kind;
    private final EmbeddingModel model;

    public SentenceEncoder(Kind kind) {
        this.kind = kind;
        this.model = kind.factory.get();
    }

    public Kind kind() {
        return kind;
    }

    public float[] encode(String text) {
        return model.embed(text).content().vector();
    }

    /** Encodes many utterances at once; the model batches them across cores. */
    public float[][] encodeAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toArray(float[][]::new);
    }
}
