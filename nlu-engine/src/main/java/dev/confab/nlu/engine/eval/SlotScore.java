package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.entity.tagger.Slot;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Slot span precision, recall and F1: a predicted slot counts only with the right name and exactly the gold span,
 * over all utterances (micro-averaged), and per slot name.
 */
record SlotScore(int truePositive, int predicted, int gold, Map<String, Map<String, Object>> perSlot) {

    static SlotScore of(List<List<Slot>> gold, List<List<Slot>> predicted) {
        int truePositive = 0;
        int predictedCount = 0;
        int goldCount = 0;
        Map<String, int[]> byName = new TreeMap<>();
        for (int i = 0; i < gold.size(); i++) {
            Set<Slot> expected = new HashSet<>(gold.get(i));
            for (Slot slot : predicted.get(i)) {
                boolean hit = expected.contains(slot);
                truePositive += hit ? 1 : 0;
                byName.computeIfAbsent(slot.name(), name -> new int[3])[0] += hit ? 1 : 0;
                byName.get(slot.name())[1]++;
            }
            for (Slot slot : gold.get(i)) {
                byName.computeIfAbsent(slot.name(), name -> new int[3])[2]++;
            }
            predictedCount += predicted.get(i).size();
            goldCount += gold.get(i).size();
        }
        Map<String, Map<String, Object>> perSlot = new TreeMap<>();
        for (String name : new TreeSet<>(byName.keySet())) {
            int[] counts = byName.get(name);
            perSlot.put(name, metrics(counts[0], counts[1], counts[2]));
        }
        return new SlotScore(truePositive, predictedCount, goldCount, perSlot);
    }

    double precision() {
        return Evaluation.ratio(truePositive, predicted);
    }

    double recall() {
        return Evaluation.ratio(truePositive, gold);
    }

    double f1() {
        return f1(precision(), recall());
    }

    /** Precision, recall, F1 and support, as the report lists them per intent and per slot. */
    static Map<String, Object> metrics(int truePositive, int predicted, int gold) {
        double precision = Evaluation.ratio(truePositive, predicted);
        double recall = Evaluation.ratio(truePositive, gold);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("precision", precision);
        metrics.put("recall", recall);
        metrics.put("f1", f1(precision, recall));
        metrics.put("support", gold);
        return metrics;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
