package dev.confab.nlu.engine.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How well clusters match hidden labels: purity and the adjusted Rand index (ARI, 0 by chance, 1 when equal). */
final class ClusterAgreement {

    private ClusterAgreement() {
    }

    /** Share of utterances whose cluster's most common label is their own. */
    static double purity(List<String> labels, List<Integer> clusters) {
        Map<Integer, Map<String, Integer>> table = contingency(labels, clusters);
        int pure = table.values().stream()
                .mapToInt(counts -> counts.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .sum();
        return labels.isEmpty() ? 0 : pure / (double) labels.size();
    }

    static double adjustedRandIndex(List<String> labels, List<Integer> clusters) {
        Map<Integer, Map<String, Integer>> table = contingency(labels, clusters);
        double index = 0;
        Map<String, Integer> labelSizes = new HashMap<>();
        double clusterPairs = 0;
        for (Map<String, Integer> counts : table.values()) {
            int size = 0;
            for (Map.Entry<String, Integer> cell : counts.entrySet()) {
                index += pairs(cell.getValue());
                labelSizes.merge(cell.getKey(), cell.getValue(), Integer::sum);
                size += cell.getValue();
            }
            clusterPairs += pairs(size);
        }
        double labelPairs = labelSizes.values().stream().mapToDouble(ClusterAgreement::pairs).sum();
        double expected = clusterPairs * labelPairs / pairs(labels.size());
        double maximum = (clusterPairs + labelPairs) / 2;
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }

    private static Map<Integer, Map<String, Integer>> contingency(List<String> labels, List<Integer> clusters) {
        Map<Integer, Map<String, Integer>> table = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            table.computeIfAbsent(clusters.get(i), c -> new HashMap<>()).merge(labels.get(i), 1, Integer::sum);
        }
        return table;
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
