package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sparse lexical features of an utterance, as Rasa's {@code CountVectorsFeaturizer} makes them: word unigrams and
 * bigrams, and character n-grams within word boundaries, weighted by TF-IDF and scaled to a fixed norm. They give
 * the intent head what a sentence embedding blurs: the exact words an assistant's examples use ("top up",
 * "PIN", "nicked"), and the spelling of a word that a typo left half intact ("lsot" still shares " l" and "t ").
 */
public final class LexicalFeatures {

    /** Character n-grams from two to this many characters, a word's padding spaces included. */
    static final int MAX_CHAR_GRAM = 4;
    /** A gram in fewer training utterances than this says nothing general and only costs weights. */
    static final int MIN_DOCUMENT_FREQUENCY = 2;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Integer> index;
    private final double[] idf;
    private final int offset;
    private final double weight;

    private LexicalFeatures(Map<String, Integer> index, double[] idf, int offset, double weight) {
        this.index = index;
        this.idf = idf;
        this.offset = offset;
        this.weight = weight;
    }

    /**
     * Learns the vocabulary and inverse document frequencies of the training utterances.
     *
     * @param offset the feature index after which these features are numbered (liblinear's are 1-based)
     * @param weight the norm of every utterance's lexical vector, against the sentence embedding's norm of 1
     */
    public static LexicalFeatures learn(List<String> texts, int offset, double weight) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : texts) {
            grams(text).keySet().forEach(gram -> documentFrequency.merge(gram, 1, Integer::sum));
        }
        // Sorted, so the same training texts number the same features the same way.
        Map<String, Integer> kept = new TreeMap<>();
        documentFrequency.forEach((gram, frequency) -> {
            if (frequency >= MIN_DOCUMENT_FREQUENCY) {
                kept.put(gram, frequency);
            }
        });
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[kept.size()];
        kept.forEach((gram, frequency) -> {
            int feature = index.size();
            index.put(gram, feature);
            idf[feature] = Math.log((1.0 + texts.size()) / (1.0 + frequency)) + 1.0;
        });
        return new LexicalFeatures(index, idf, offset, weight);
    }

    /** How many features the vocabulary holds. */
    public int size() {
        return idf.length;
    }

    /** The utterance's features, in increasing index order as liblinear requires; none for unknown words only. */
    public Feature[] of(String text) {
        TreeMap<Integer, Double> values = new TreeMap<>();
        grams(text).forEach((gram, count) -> {
            Integer feature = index.get(gram);
            if (feature != null) {
                values.put(feature, (1.0 + Math.log(count)) * idf[feature]);
            }
        });
        double norm = Math.sqrt(values.values().stream().mapToDouble(value -> value * value).sum());
        Feature[] features = new Feature[values.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> entry : values.entrySet()) {
            features[i++] = new FeatureNode(offset + entry.getKey() + 1, weight * entry.getValue() / norm);
        }
        return features;
    }

    /** Every gram of the utterance with its count. */
    static Map<String, Integer> grams(String text) {
        Map<String, Integer> grams = new HashMap<>();
        String[] words = words(text);
        for (int w = 0; w < words.length; w++) {
            grams.merge("w " + words[w], 1, Integer::sum);
            if (w > 0) {
                grams.merge("b " + words[w - 1] + " " + words[w], 1, Integer::sum);
            }
            String padded = " " + words[w] + " ";
            for (int n = 2; n <= MAX_CHAR_GRAM; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    grams.merge("c" + padded.substring(start, start + n), 1, Integer::sum);
                }
            }
        }
        return grams;
    }

    /** Lower-cased runs of letters and digits. */
    static String[] words(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .toArray(String[]::new);
    }

    void write(ModelOutput out) throws IOException {
        out.writeCounts(index);
        out.writeDoubles(idf);
        out.writeInt(offset);
        out.writeDouble(weight);
    }

    static LexicalFeatures read(ModelInput in) throws IOException {
        return new LexicalFeatures(in.readCounts(), in.readDoubles(), in.readInt(), in.readDouble());
    }
}
