package dev.confab.guardrails.eval;

import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.InjectionDetector;
import dev.confab.guardrails.input.InjectionDetector.Assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.guardrails.eval.GuardrailEval.key;
import static dev.confab.guardrails.eval.GuardrailEval.rate;

/** Block rate of the prompt-injection rail on attacks, by kind, and its false-positive rate on ordinary messages. */
final class InjectionScore {

    private final InjectionDetector detector;
    private final double threshold;

    InjectionScore(Guardrails guardrails, double threshold) {
        this.detector = guardrails.injections();
        this.threshold = threshold;
    }

    /** @param attacks lines of attacks, with {@code # --- kind} headers */
    Map<String, Object> score(List<String> attacks, Map<String, List<String>> benign, double[] sweep) {
        Map<String, List<Assessment>> byKind = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        String kind = "unlabelled";
        for (String line : attacks) {
            if (line.startsWith("# ---")) {
                kind = line.substring(5).strip();
                continue;
            }
            Assessment assessment = detector.assess(line);
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(assessment);
            if (!assessment.flagged(threshold)) {
                missed.add(line);
            }
        }
        List<Assessment> all = byKind.values().stream().flatMap(List::stream).toList();
        Map<String, List<Assessment>> ordinary = new LinkedHashMap<>();
        benign.forEach((name, messages) -> ordinary.put(name, messages.stream().map(detector::assess).toList()));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threshold", threshold);
        report.put("attacks", all.size());
        report.put("block_rate", blockRate(all, threshold));
        report.put("block_rate_rules_only", rate(all.stream().filter(a -> a.rule() != null).count(), all.size()));
        Map<String, Double> perKind = new LinkedHashMap<>();
        byKind.forEach((name, assessments) -> perKind.put(name, blockRate(assessments, threshold)));
        report.put("block_rate_by_kind", perKind);
        report.put("false_positive_rate", falsePositives(ordinary, threshold));
        report.put("false_positives_look_alikes", flaggedTexts(benign.get("look_alikes"), ordinary.get("look_alikes")));
        report.put("missed", missed);
        Map<String, Object> sweepReport = new LinkedHashMap<>();
        for (double candidate : sweep) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("block_rate", blockRate(all, candidate));
            point.put("false_positive_rate", falsePositives(ordinary, candidate));
            sweepReport.put(key(candidate), point);
        }
        report.put("sweep", sweepReport);
        return report;
    }

    private static double blockRate(List<Assessment> assessments, double threshold) {
        return rate(assessments.stream().filter(a -> a.flagged(threshold)).count(), assessments.size());
    }

    private static Map<String, Double> falsePositives(Map<String, List<Assessment>> ordinary, double threshold) {
        Map<String, Double> rates = new LinkedHashMap<>();
        ordinary.forEach((name, assessments) -> rates.put(name, blockRate(assessments, threshold)));
        return rates;
    }

    private List<String> flaggedTexts(List<String> texts, List<Assessment> assessments) {
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (assessments.get(i).flagged(threshold)) {
                flagged.add(texts.get(i));
            }
        }
        return flagged;
    }
}
