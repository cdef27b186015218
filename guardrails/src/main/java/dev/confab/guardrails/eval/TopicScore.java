package dev.confab.guardrails.eval;

import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.TopicMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static dev.confab.guardrails.eval.GuardrailEval.key;
import static dev.confab.guardrails.eval.GuardrailEval.rate;

/** Block rate of the denied-topic rail on messages about those topics, and its false-positive rate on others. */
final class TopicScore {

    private final TopicMatcher topics;
    private final double threshold;

    TopicScore(Guardrails guardrails, double threshold) {
        this.topics = guardrails.topics();
        this.threshold = threshold;
    }

    /** @param labelled lines of {@code topic<TAB>message} */
    Map<String, Object> score(List<String> labelled, Map<String, List<String>> benign, double[] sweep) {
        List<String> messages = new ArrayList<>();
        LinkedHashSet<String> denied = new LinkedHashSet<>();
        labelled.stream().filter(line -> !line.startsWith("#")).forEach(line -> {
            String[] parts = line.split("\t", 2);
            denied.add(parts[0]);
            messages.add(parts[1]);
        });
        List<String> topicList = List.copyOf(denied);
        double[] positives = messages.stream().mapToDouble(message -> topics.similarity(message, topicList)).toArray();
        Map<String, double[]> ordinary = new LinkedHashMap<>();
        benign.forEach((name, texts) -> ordinary.put(name,
                texts.stream().mapToDouble(text -> topics.similarity(text, topicList)).toArray()));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threshold", threshold);
        report.put("topics", topicList);
        report.put("messages", messages.size());
        report.put("block_rate", above(positives, threshold));
        Map<String, Double> falsePositives = new LinkedHashMap<>();
        ordinary.forEach((name, similarities) -> falsePositives.put(name, above(similarities, threshold)));
        report.put("false_positive_rate", falsePositives);
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (positives[i] < threshold) {
                missed.add(messages.get(i));
            }
        }
        report.put("missed", missed);
        Map<String, Object> sweepReport = new LinkedHashMap<>();
        for (double candidate : sweep) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("block_rate", above(positives, candidate));
            Map<String, Double> rates = new LinkedHashMap<>();
            ordinary.forEach((name, similarities) -> rates.put(name, above(similarities, candidate)));
            point.put("false_positive_rate", rates);
            sweepReport.put(key(candidate), point);
        }
        report.put("sweep", sweepReport);
        return report;
    }

    private static double above(double[] similarities, double threshold) {
        long count = 0;
        for (double similarity : similarities) {
            if (similarity >= threshold) {
                count++;
            }
        }
        return rate(count, similarities.length);
    }
}
