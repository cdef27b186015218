package dev.confab.nlu.engine.entity.tagger;

import dev.confab.nlu.engine.entity.EntityMatch;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The features of one token: hashed sparse ones (the word, its shape and affixes, its neighbours, the system entity
 * it is part of, so "next week" tagged {@code date_period} helps learn {@code date_from}, and the label given to the
 * previous token), then the word's embedding.
 */
final class TokenFeatures {

    /**
     * 2^16 hashed features. The model keeps a weight per feature and label, so the space is memory: at 2^16 a
     * tagger with 27 labels weighs 14 MB, and NLU++ banking slot F1 was the same as at 2^20 (226 MB).
     */
    static final int DIMENSIONS = 1 << 16;
    /**
     * Embedding values are around 0.05 against 1.0 for a sparse feature; scaled by 3 they lifted NLU++ banking slot
     * F1 from 0.70 (no embedding) to 0.73, where a scale of 1 did not help.
     */
    static final double WORD_VECTOR_SCALE = 3.0;

    private TokenFeatures() {
    }

    /**
     * @param words        the utterance's tokens as text
     * @param system per token, the system entity covering it
     */
    static Feature[] of(List<String> words, SystemSpans system, float[] wordVector, int i, String previousLabel) {
        String[] systemLabels = system.labels();
        List<String> names = new ArrayList<>();
        String word = words.get(i).toLowerCase(Locale.ROOT);
        names.add("w=" + word);
        names.add("shape=" + shape(words.get(i)));
        names.add("p3=" + word.substring(0, Math.min(3, word.length())));
        names.add("s3=" + word.substring(Math.max(0, word.length() - 3)));
        for (int offset = -2; offset <= 2; offset++) {
            if (offset != 0) {
                int j = i + offset;
                String neighbour = j < 0 ? "<s>" : j >= words.size() ? "</s>" : words.get(j).toLowerCase(Locale.ROOT);
                names.add("w" + offset + "=" + neighbour);
            }
        }
        names.add("w-1w=" + (i == 0 ? "<s>" : words.get(i - 1).toLowerCase(Locale.ROOT)) + "|" + word);
        names.add("w-2-1=" + (i < 2 ? "<s>" : words.get(i - 2).toLowerCase(Locale.ROOT)) + "|"
                + (i == 0 ? "<s>" : words.get(i - 1).toLowerCase(Locale.ROOT)));
        names.add("sys=" + systemLabels[i]);
        names.add("sys-1=" + (i == 0 ? "<s>" : systemLabels[i - 1]));
        names.add("sys+1=" + (i + 1 >= words.size() ? "</s>" : systemLabels[i + 1]));
        if (system.first()[i] >= 0) {
            // The words around the whole entity: "since" makes every token of "last Wednesday" a date_from.
            int first = system.first()[i];
            int last = system.last()[i];
            names.add("ent-1=" + (first < 1 ? "<s>" : words.get(first - 1).toLowerCase(Locale.ROOT)));
            names.add("ent-2=" + (first < 2 ? "<s>" : words.get(first - 2).toLowerCase(Locale.ROOT)));
            names.add("ent+1=" + (last + 1 >= words.size() ? "</s>" : words.get(last + 1).toLowerCase(Locale.ROOT)));
        }
        names.add("prev=" + previousLabel);
        names.add("prev|w=" + previousLabel + "|" + word);
        names.add("bias");
        // Sorted and de-duplicated by index, as liblinear requires; a collision just sums into one feature.
        TreeMap<Integer, Double> indexed = new TreeMap<>();
        for (String name : names) {
            indexed.merge(index(name), 1.0, Double::sum);
        }
        List<Feature> features = new ArrayList<>();
        indexed.forEach((index, value) -> features.add(new FeatureNode(index, value)));
        // The word's meaning, after the hashed space: "groceries" and "restaurants" are shopping categories alike.
        for (int d = 0; d < wordVector.length; d++) {
            features.add(new FeatureNode(DIMENSIONS + 1 + d, WORD_VECTOR_SCALE * wordVector[d]));
        }
        return features.toArray(Feature[]::new);
    }

    /** "Xxxx", "dd", "x.x": the token's letters and digits reduced to their classes, runs collapsed. */
    private static String shape(String token) {
        StringBuilder shape = new StringBuilder();
        token.codePoints().forEach(c -> {
            char kind = Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : (char) c;
            if (shape.length() < 2 || shape.charAt(shape.length() - 1) != kind
                    || shape.charAt(shape.length() - 2) != kind) {
                shape.append(kind);
            }
        });
        return shape.toString();
    }

    /** A stable 1-based index (liblinear counts features from 1). */
    private static int index(String name) {
        int hash = 0x811C9DC5;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ b) * 0x01000193;
        }
        return Math.floorMod(hash, DIMENSIONS) + 1;
    }
}
