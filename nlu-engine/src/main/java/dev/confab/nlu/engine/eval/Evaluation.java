package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.Example;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores predicted intents against gold labels, the figures bin/nlu-eval reports. */
final class Evaluation {

    private static final int TOP_CONFUSIONS = 15;

    private Evaluation() {
    }

    /**
     * The report's metrics, under the keys bin/nlu-eval writes. {@code best} is each utterance's top-ranked intent,
     * for the accuracy before out-of-scope decisions ({@code top1_accuracy}, over in-scope utterances).
     * Out-of-scope figures are {@code null} when the test set has no out-of-scope utterance; {@code slot_f1} is
     * {@code null} until entity extraction exists.
     */
    static Map<String, Object> score(List<String> gold, List<String> predicted, List<String> best,
                                     double[] latencyMillis) {
        int total = gold.size();
        int correct = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        int oosGold = 0;
        int oosPredicted = 0;
        int oosBoth = 0;
        Map<List<String>, Integer> confusions = new HashMap<>();
        for (int i = 0; i < total; i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            boolean hit = g.equals(p);
            correct += hit ? 1 : 0;
            if (!Example.OUT_OF_SCOPE.equals(g)) {
                inScope++;
                inScopeCorrect += hit ? 1 : 0;
            } else {
                oosGold++;
            }
            if (Example.OUT_OF_SCOPE.equals(p)) {
                oosPredicted++;
                oosBoth += hit ? 1 : 0;
            }
            if (!hit) {
                confusions.merge(List.of(g, p), 1, Integer::sum);
            }
        }
        Map<String, Map<String, Object>> perIntent = perIntent(gold, predicted);
        double macroF1 = perIntent.values().stream().mapToDouble(m -> (double) m.get("f1")).average().orElse(0);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("examples", total);
        report.put("accuracy", ratio(correct, total));
        report.put("top1_accuracy", ratio(agreeing(gold, best), inScope));
        report.put("macro_f1", macroF1);
        report.put("in_scope_accuracy", ratio(inScopeCorrect, inScope));
        report.put("oos_recall", oosGold == 0 ? null : ratio(oosBoth, oosGold));
        report.put("oos_precision", oosGold == 0 ? null : ratio(oosBoth, oosPredicted));
        report.put("slot_f1", null);
        report.put("latency_ms_p50", percentile(latencyMillis, 50));
        report.put("latency_ms_p99", percentile(latencyMillis, 99));
        report.put("confusions", confusions.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> String.join("|", entry.getKey())))
                .limit(TOP_CONFUSIONS)
                .map(entry -> Map.of("gold", entry.getKey().get(0), "predicted", entry.getKey().get(1),
                        "count", entry.getValue()))
                .toList());
        report.put("per_intent", perIntent);
        return report;
    }

    private static Map<String, Map<String, Object>> perIntent(List<String> gold, List<String> predicted) {
        Map<String, Map<String, Object>> perIntent = new TreeMap<>();
        for (String intent : new TreeSet<>(gold)) {
            int truePositive = 0;
            int goldCount = 0;
            int predictedCount = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean isGold = gold.get(i).equals(intent);
                boolean isPredicted = predicted.get(i).equals(intent);
                goldCount += isGold ? 1 : 0;
                predictedCount += isPredicted ? 1 : 0;
                truePositive += isGold && isPredicted ? 1 : 0;
            }
            double precision = ratio(truePositive, predictedCount);
            double recall = ratio(truePositive, goldCount);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("precision", precision);
            metrics.put("recall", recall);
            metrics.put("f1", f1);
            metrics.put("support", goldCount);
            perIntent.put(intent, metrics);
        }
        return perIntent;
    }

    /** In-scope utterances whose best-ranked intent is right, whatever the out-of-scope decision. */
    private static int agreeing(List<String> gold, List<String> best) {
        int agreeing = 0;
        for (int i = 0; i < gold.size(); i++) {
            agreeing += gold.get(i).equals(best.get(i)) ? 1 : 0;
        }
        return agreeing;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double percentile) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** The report for people: headline figures, the weakest intents and the most frequent confusions. */
    @SuppressWarnings("unchecked")
    static String readable(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("model_version", "encoder", "examples_train", "examples", "train_seconds",
                "oos_threshold", "oos_similarity_threshold", "accuracy", "top1_accuracy", "macro_f1", "in_scope_accuracy", "oos_recall", "oos_precision",
                "slot_f1", "latency_ms_p50", "latency_ms_p99")) {
            Object value = report.get(key);
            text.append(String.format("%-20s %s%n", key, value instanceof Double d ? String.format("%.4f", d)
                    : value == null ? "n/a" : value));
        }
        Map<String, Map<String, Object>> perIntent = (Map<String, Map<String, Object>>) report.get("per_intent");
        text.append("\nweakest intents (f1, precision, recall, support)\n");
        perIntent.entrySet().stream()
                .sorted(Comparator.comparingDouble(entry -> (double) entry.getValue().get("f1")))
                .limit(10)
                .forEach(entry -> text.append(String.format("  %-40s %.3f  %.3f  %.3f  %d%n", entry.getKey(),
                        entry.getValue().get("f1"), entry.getValue().get("precision"),
                        entry.getValue().get("recall"), entry.getValue().get("support"))));
        text.append("\nmost frequent confusions (gold -> predicted: count)\n");
        ((List<Map<String, Object>>) report.get("confusions")).stream().limit(10)
                .forEach(c -> text.append(String.format("  %s -> %s: %s%n", c.get("gold"), c.get("predicted"),
                        c.get("count"))));
        return text.toString();
    }
}
