package dev.confab.retrieval.engine.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns text into the sparse vectors Qdrant scores lexically: the same English analysis as the Lucene store, each
 * term hashed to an index, weighted by BM25's saturated term frequency; Qdrant multiplies in the inverse document
 * frequency itself ({@code Modifier.Idf}), so their dot product is a BM25 score.
 */
public final class SparseTerms {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /** Typical chunk length in terms, standing in for the corpus average BM25 normalises by. */
    private static final double AVERAGE_TERMS = 120;

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** A sparse vector: parallel term indices and weights, indices ascending. */
    public record Vector(List<Integer> indices, List<Float> values) {
    }

    /** A document's terms, weighted by saturated term frequency. */
    public Vector document(String text) {
        Map<Integer, Integer> counts = counts(text);
        int length = counts.values().stream().mapToInt(Integer::intValue).sum();
        return vector(counts, tf -> (float) (tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / AVERAGE_TERMS))));
    }

    /** A query's terms, each once with weight 1. */
    public Vector query(String text) {
        return vector(counts(text), tf -> 1f);
    }

    private static Vector vector(Map<Integer, Integer> counts, java.util.function.IntFunction<Float> weight) {
        List<Integer> indices = new ArrayList<>(counts.size());
        List<Float> values = new ArrayList<>(counts.size());
        counts.forEach((index, count) -> {
            indices.add(index);
            values.add(weight.apply(count));
        });
        return new Vector(indices, values);
    }

    private Map<Integer, Integer> counts(String text) {
        Map<Integer, Integer> counts = new TreeMap<>();
        try (TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString().hashCode() & Integer.MAX_VALUE, 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
