package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.Example;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores predicted intents against gold labels, the figures bin/nlu-eval reports. */
final class Evaluation {

    private static final int TOP_CONFUSIONS = 15;

    private Evaluation() {
    }

    /**
     * The report's metrics, under the keys bin/nlu-eval writes. Each utterance's intents are a set: one intent for
     * single-label data, several for NLU++, none for an out-of-scope utterance (counted as {@code oos} in the
     * per-intent figures and confusions); {@code accuracy} needs the whole set right. {@code best} is each
     * utterance's top-ranked intent before out-of-scope decisions ({@code top1_accuracy}, over in-scope
     * utterances), null for multi-label data. Out-of-scope figures are {@code null} when the test set has no
     * out-of-scope utterance, slot figures when it has no slots.
     */
    static Map<String, Object> score(List<Set<String>> gold, List<Set<String>> predicted, List<String> best,
                                     SlotScore slots, double[] latencyMillis) {
        int total = gold.size();
        int correct = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        int oosGold = 0;
        int oosPredicted = 0;
        int oosBoth = 0;
        Map<List<String>, Integer> confusions = new HashMap<>();
        for (int i = 0; i < total; i++) {
            Set<String> g = gold.get(i);
            Set<String> p = predicted.get(i);
            boolean hit = g.equals(p);
            correct += hit ? 1 : 0;
            if (!g.isEmpty()) {
                inScope++;
                inScopeCorrect += hit ? 1 : 0;
            } else {
                oosGold++;
            }
            if (p.isEmpty()) {
                oosPredicted++;
                oosBoth += g.isEmpty() ? 1 : 0;
            }
            confused(labels(g), labels(p)).forEach(pair -> confusions.merge(pair, 1, Integer::sum));
        }
        Map<String, Map<String, Object>> perIntent = perIntent(gold, predicted);
        double macroF1 = perIntent.values().stream().mapToDouble(m -> (double) m.get("f1")).average().orElse(0);
        // Micro-F1 over the real intents, as NLU++ reports it: out of scope is the absence of a label.
        List<Map<String, Object>> labelled = perIntent.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(Example.OUT_OF_SCOPE))
                .map(Map.Entry::getValue)
                .toList();
        int truePositives = labelled.stream().mapToInt(m -> (int) m.get("true_positives")).sum();
        int predictions = labelled.stream().mapToInt(m -> (int) m.get("predicted")).sum();
        int golds = labelled.stream().mapToInt(m -> (int) m.get("support")).sum();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("examples", total);
        report.put("accuracy", ratio(correct, total));
        report.put("top1_accuracy", best == null ? null : ratio(agreeing(gold, best), inScope));
        report.put("macro_f1", macroF1);
        report.put("micro_f1", (double) SlotScore.metrics(truePositives, predictions, golds).get("f1"));
        report.put("in_scope_accuracy", ratio(inScopeCorrect, inScope));
        report.put("oos_recall", oosGold == 0 ? null : ratio(oosBoth, oosGold));
        report.put("oos_precision", oosGold == 0 ? null : ratio(oosBoth, oosPredicted));
        boolean slotted = slots != null && slots.gold() > 0;
        report.put("slot_precision", slotted ? slots.precision() : null);
        report.put("slot_recall", slotted ? slots.recall() : null);
        report.put("slot_f1", slotted ? slots.f1() : null);
        report.put("latency_ms_p50", Percentiles.of(latencyMillis, 50));
        report.put("latency_ms_p99", Percentiles.of(latencyMillis, 99));
        report.put("confusions", confusions.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> String.join("|", entry.getKey())))
                .limit(TOP_CONFUSIONS)
                .map(entry -> Map.of("gold", entry.getKey().get(0), "predicted", entry.getKey().get(1),
                        "count", entry.getValue()))
                .toList());
        report.put("per_intent", perIntent);
        if (slotted) {
            report.put("per_slot", slots.perSlot());
        }
        return report;
    }

    /** Out of scope is the label {@code oos} in per-intent figures and confusions. */
    private static Set<String> labels(Set<String> intents) {
        return intents.isEmpty() ? Set.of(Example.OUT_OF_SCOPE) : intents;
    }

    /** Each missed gold label paired with each wrongly predicted one ("(none)" when nothing took its place). */
    private static List<List<String>> confused(Set<String> gold, Set<String> predicted) {
        List<String> missed = gold.stream().filter(label -> !predicted.contains(label)).sorted().toList();
        List<String> spurious = predicted.stream().filter(label -> !gold.contains(label)).sorted().toList();
        List<List<String>> pairs = new ArrayList<>();
        for (String m : missed) {
            if (spurious.isEmpty()) {
                pairs.add(List.of(m, "(none)"));
            }
            spurious.forEach(s -> pairs.add(List.of(m, s)));
        }
        if (missed.isEmpty()) {
            spurious.forEach(s -> pairs.add(List.of("(none)", s)));
        }
        return pairs;
    }

    private static Map<String, Map<String, Object>> perIntent(List<Set<String>> gold, List<Set<String>> predicted) {
        Map<String, Map<String, Object>> perIntent = new TreeMap<>();
        TreeSet<String> all = new TreeSet<>();
        gold.forEach(g -> all.addAll(labels(g)));
        for (String intent : all) {
            int truePositive = 0;
            int goldCount = 0;
            int predictedCount = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean isGold = labels(gold.get(i)).contains(intent);
                boolean isPredicted = labels(predicted.get(i)).contains(intent);
                goldCount += isGold ? 1 : 0;
                predictedCount += isPredicted ? 1 : 0;
                truePositive += isGold && isPredicted ? 1 : 0;
            }
            Map<String, Object> metrics = SlotScore.metrics(truePositive, predictedCount, goldCount);
            metrics.put("true_positives", truePositive);
            metrics.put("predicted", predictedCount);
            perIntent.put(intent, metrics);
        }
        return perIntent;
    }

    /** In-scope utterances whose best-ranked intent is right, whatever the out-of-scope decision. */
    private static int agreeing(List<Set<String>> gold, List<String> best) {
        int agreeing = 0;
        for (int i = 0; i < gold.size(); i++) {
            agreeing += gold.get(i).contains(best.get(i)) ? 1 : 0;
        }
        return agreeing;
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** The report for people: headline figures, the weakest intents and the most frequent confusions. */
    @SuppressWarnings("unchecked")
    static String readable(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("model_version", "encoder", "examples_train", "examples", "train_seconds",
                "cv_folds", "cost", "lexical_weight", "mend_typos", "cv_seconds", "oos_threshold", "oos_similarity_threshold",
                "intents_with_own_thresholds", "accuracy", "top1_accuracy", "macro_f1", "micro_f1",
                "in_scope_accuracy", "oos_recall", "oos_precision", "noisy_accuracy", "noisy_top1_accuracy",
                "noise_drop_points", "noisy_oos_recall", "slot_precision", "slot_recall", "slot_f1",
                "latency_ms_p50", "latency_ms_p99")) {
            if (!report.containsKey(key)) {
                continue;
            }
            Object value = report.get(key);
            Object spread = report.get(key + "_sd");
            text.append(String.format("%-20s %s%s%n", key, value instanceof Double d ? String.format("%.4f", d)
                    : value == null ? "n/a" : value, spread instanceof Double sd ? String.format(" ± %.4f", sd) : ""));
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
