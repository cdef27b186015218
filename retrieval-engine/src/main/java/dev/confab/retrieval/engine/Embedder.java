package dev.confab.retrieval.engine;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Embeds chunks and queries with the in-process ONNX encoder the NLU uses, in batches, as unit-length vectors so a
 * dot product is their cosine similarity.
 */
public final class Embedder {

    private final SentenceEncoder encoder;
    private final int batchSize;

    public Embedder(SentenceEncoder encoder, int batchSize) {
        this.encoder = encoder;
        this.batchSize = batchSize;
    }

    public float[] embed(String text) {
        return Vectors.unit(encoder.encode(text));
    }

    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            for (float[] vector : encoder.encodeAll(texts.subList(from, Math.min(texts.size(), from + batchSize)))) {
                vectors.add(Vectors.unit(vector));
            }
        }
        return vectors;
    }

    /** Length of the vectors this encoder makes, which a Qdrant collection is created with. */
    public int dimension() {
        return embed("dimension").length;
    }

    public String model() {
        return encoder.kind().id();
    }

}
