package dev.confab.guardrails.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confab.contracts.event.GuardrailPolicy.Topic;
import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.TopicMatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.guardrails.eval.GuardrailEval.key;
import static dev.confab.guardrails.eval.GuardrailEval.rate;

/** Block rate of the denied-topic rail on messages about those topics, and its false-positive rate on others. */
final class TopicScore {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final TopicMatcher topics;
    private final double threshold;
    private final List<String> vetting;

    /**
     * @param vetting ordinary messages the rates are not measured on, whose catches show a designer which topic
     *                examples are too broad (the other half of BANKING77)
     */
    TopicScore(Guardrails guardrails, double threshold, List<String> vetting) {
        this.topics = guardrails.topics();
        this.threshold = threshold;
        this.vetting = vetting;
    }

    /**
     * @param topicList the denied topics as an assistant's bundle states them
     * @param labelled  lines of {@code topic<TAB>message}
     */
    Map<String, Object> score(List<Topic> topicList, List<String> labelled, Map<String, List<String>> benign,
                              double[] sweep) {
        List<String> messages = labelled.stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t", 2)[1])
                .toList();
        double[] positives = similarities(messages, topicList);
        Map<String, double[]> ordinary = new LinkedHashMap<>();
        benign.forEach((name, texts) -> ordinary.put(name, similarities(texts, topicList)));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threshold", threshold);
        report.put("topics", topicList.stream().map(Topic::name).toList());
        report.put("examples_per_topic", topicList.stream().mapToInt(topic -> topic.examples().size()).max().orElse(0));
        report.put("messages", messages.size());
        report.put("block_rate", above(positives, threshold));
        Map<String, Double> falsePositives = new LinkedHashMap<>();
        ordinary.forEach((name, similarities) -> falsePositives.put(name, above(similarities, threshold)));
        report.put("false_positive_rate", falsePositives);
        report.put("caught_in_other_half", examplesAbove(vetting, similarities(vetting, topicList), threshold));
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

    /** The topics of an assistant's bundle file ({@code guardrails.denied_topics}). */
    static List<Topic> deniedTopics(Path bundleFile) throws IOException {
        JsonNode denied = YAML.readTree(bundleFile.toFile()).path("guardrails").path("denied_topics");
        List<Topic> topics = new ArrayList<>();
        denied.forEach(topic -> topics.add(YAML.convertValue(topic, Topic.class)));
        return topics;
    }

    /** The same topics by name only, to measure what the examples add. */
    static List<Topic> namesOnly(List<Topic> topics) {
        return topics.stream().map(topic -> new Topic(topic.name(), List.of())).toList();
    }

    private double[] similarities(List<String> texts, List<Topic> topicList) {
        return texts.stream().mapToDouble(text -> topics.nearest(text, topicList).similarity()).toArray();
    }

    private static List<String> examplesAbove(List<String> texts, double[] similarities, double threshold) {
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < texts.size() && examples.size() < 15; i++) {
            if (similarities[i] >= threshold) {
                examples.add(texts.get(i));
            }
        }
        return examples;
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
