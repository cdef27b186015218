package dev.confab.nlu.engine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Turns utterances into sentence embeddings with a quantized ONNX encoder that runs in-process. */
public final class SentenceEncoder {

    /** The encoders shipped on Maven Central that this engine can use. */
    public enum Kind {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                PoolingMode.MEAN),
        BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
                PoolingMode.CLS);

        private static final int DIMENSIONS = 384;

        private final String id;
        private final String tokenizer;
        private final Supplier<EmbeddingModel> factory;

        Kind(String id, String model, String tokenizer, PoolingMode pooling) {
            this.id = id;
            this.tokenizer = tokenizer;
            this.factory = () -> new OnnxEncoderModel(model, tokenizer, pooling, DIMENSIONS);
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
    /** Vectors already computed, by text; null unless {@link #memoizing()} made this encoder. */
    private final Map<String, float[]> memo;
    private volatile Set<String> wholeWords;

    public SentenceEncoder(Kind kind) {
        this(kind, kind.factory.get(), null);
    }

    private SentenceEncoder(Kind kind, EmbeddingModel model, Map<String, float[]> memo) {
        this.kind = kind;
        this.model = model;
        this.memo = memo;
    }

    /**
     * The same encoder remembering every vector it computes: for evaluations that train on the same utterances
     * many times (cross-validation), never for a service, where it would grow without bound.
     */
    public SentenceEncoder memoizing() {
        return new SentenceEncoder(kind, model, new ConcurrentHashMap<>());
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The lower-case words the encoder's tokenizer knows whole (WordPiece entries that are not word pieces): words
     * the encoder understands although an assistant's examples may never use them.
     */
    public Set<String> wholeWords() {
        Set<String> words = wholeWords;
        if (words == null) {
            words = TokenizerVocabulary.wholeWords(kind.tokenizer);
            wholeWords = words;
        }
        return words;
    }

    public float[] encode(String text) {
        return memo == null ? model.embed(text).content().vector()
                : memo.computeIfAbsent(text, missing -> model.embed(missing).content().vector());
    }

    /** Encodes many utterances at once; the model batches them across cores. */
    public float[][] encodeAll(List<String> texts) {
        if (memo == null) {
            return embedAll(texts);
        }
        List<String> missing = texts.stream().filter(text -> !memo.containsKey(text)).distinct().toList();
        float[][] computed = missing.isEmpty() ? new float[0][] : embedAll(missing);
        for (int i = 0; i < computed.length; i++) {
            memo.put(missing.get(i), computed[i]);
        }
        return texts.stream().map(memo::get).toArray(float[][]::new);
    }

    private float[][] embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream()
                .map(Embedding::vector)
                .toArray(float[][]::new);
    }
}
