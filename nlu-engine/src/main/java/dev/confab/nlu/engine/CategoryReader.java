package dev.confab.nlu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a free-text answer as one of a category slot's values by what it means: "the parcel never turned up" is
 * {@code not_received} although no synonym of it is in the words. Each value is the set of its synonyms (and its
 * own name); an utterance means the value whose nearest phrase it is most similar to, when that is similar enough
 * and clearly ahead of every other value. Words come first: this is for answers the synonyms do not cover.
 */
public final class CategoryReader {

    /**
     * Below this cosine similarity an answer is not read as any value. Set by hand on nine free-text answers to the
     * sample's dispute-reason question (docs/benchmarks.md): the right readings sat at 0.39–0.81.
     */
    static final double MIN_SIMILARITY = 0.35;
    /** The best value must be this much more similar than the next one, or the answer is left unread. */
    static final double MIN_MARGIN = 0.05;

    private final List<Category> categories;

    private record Category(String slot, List<String> values, List<float[][]> phrases) {
    }

    private CategoryReader(List<Category> categories) {
        this.categories = categories;
    }

    /** @param slots per category slot, its values and their synonyms, in the bundle's order */
    public static CategoryReader learn(Map<String, Map<String, List<String>>> slots, SentenceEncoder encoder) {
        List<Category> categories = new ArrayList<>();
        slots.forEach((slot, values) -> {
            List<String> names = new ArrayList<>(values.keySet());
            List<float[][]> phrases = new ArrayList<>();
            for (String name : names) {
                List<String> texts = new ArrayList<>(values.get(name));
                texts.add(name.replace('_', ' '));
                phrases.add(encoder.encodeAll(texts));
            }
            categories.add(new Category(slot, List.copyOf(names), List.copyOf(phrases)));
        });
        return new CategoryReader(List.copyOf(categories));
    }

    /** For each category slot whose value the utterance clearly means, that value. */
    public List<CategoryReading> read(float[] embedding) {
        List<CategoryReading> readings = new ArrayList<>();
        for (Category category : categories) {
            int best = -1;
            double bestSimilarity = -1;
            double runnerUp = -1;
            for (int value = 0; value < category.values().size(); value++) {
                double similarity = nearest(embedding, category.phrases().get(value));
                if (similarity > bestSimilarity) {
                    runnerUp = bestSimilarity;
                    bestSimilarity = similarity;
                    best = value;
                } else {
                    runnerUp = Math.max(runnerUp, similarity);
                }
            }
            if (best >= 0 && bestSimilarity >= MIN_SIMILARITY && bestSimilarity - runnerUp >= MIN_MARGIN) {
                readings.add(new CategoryReading(category.slot(), category.values().get(best), bestSimilarity));
            }
        }
        return readings;
    }

    private static double nearest(float[] embedding, float[][] phrases) {
        double nearest = -1;
        for (float[] phrase : phrases) {
            nearest = Math.max(nearest, Vectors.dot(embedding, phrase));
        }
        return nearest;
    }

    /** A category slot's value an utterance means, and how similar it is to the nearest phrase of that value. */
    public record CategoryReading(String slot, String value, double similarity) {
    }
}
