package dev.confab.guardrails;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.Vectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit-length sentence embeddings from the NLU's in-process encoder, remembering those of short fixed texts (topic
 * names, reference sentences) that every request of an assistant compares against.
 */
public final class Embeddings {

    private static final int REMEMBERED = 2_000;

    private final SentenceEncoder encoder;
    private final Map<String, float[]> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public Embeddings(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    public float[] embed(String text) {
        return Vectors.unit(encoder.encode(text));
    }

    /** The embedding of a text that recurs across requests, computed once. */
    public float[] embedRecurring(String text) {
        float[] vector = remembered.get(text);
        if (vector == null) {
            vector = embed(text);
            remembered.put(text, vector);
        }
        return vector;
    }

    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embedRecurring).toList();
    }

    /** The highest cosine similarity of {@code vector} to any of {@code others}, and which one. */
    public static Nearest nearest(float[] vector, List<float[]> others) {
        int best = -1;
        double similarity = -1;
        for (int i = 0; i < others.size(); i++) {
            double candidate = Vectors.dot(vector, others.get(i));
            if (candidate > similarity) {
                similarity = candidate;
                best = i;
            }
        }
        return new Nearest(best, similarity);
    }

    /** The index of the most similar vector ({@code -1} when there were none) and its cosine similarity. */
    public record Nearest(int index, double similarity) {
    }
}
