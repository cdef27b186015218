package dev.confab.retrieval.engine.eval;

import java.util.List;
import java.util.Map;

/** The standard ranking measures BEIR reports, for one query's ranked corpus ids against its judgements. */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Normalised discounted cumulative gain over the first {@code k} results, with graded relevance. */
    static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
        double gain = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            gain += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
        double idealGain = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idealGain += ideal.get(i) / log2(i + 2);
        }
        return idealGain == 0 ? 0 : gain / idealGain;
    }

    /** Share of the relevant ids found in the first {@code k} results. */
    static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
        long found = ranked.stream().limit(k).filter(relevant::containsKey).count();
        return relevant.isEmpty() ? 0 : found / (double) relevant.size();
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }
}
