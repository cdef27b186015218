package dev.confab.guardrails.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.guardrails.GuardrailSettings;
import dev.confab.guardrails.Guardrails;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.eval.ExampleFiles;
import dev.confab.nlu.engine.eval.Options;
import dev.confab.nlu.engine.eval.Percentiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/guardrail-eval}: how often the input rails catch what they are for (block rate on attacks and denied
 * topics, recall on personal data) and how often they step on ordinary customers (false-positive rate on
 * BANKING77 and CLINC150 messages and on hand-written look-alikes), at the configured thresholds and around them.
 */
public final class GuardrailEval {

    private static final double[] INJECTION_SWEEP = {0.65, 0.7, 0.75, 0.8, 0.85};
    private static final double[] TOPIC_SWEEP = {0.4, 0.45, 0.5, 0.55, 0.6};
    private static final GuardrailPolicy ANY = new GuardrailPolicy(true, List.of(), List.of(), List.of(), true, List.of());

    private GuardrailEval() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = Options.parse(args, Map.of("--dir", "eval/guardrails", "--datasets", "../shared/datasets",
                    "--injection-threshold", "0.75", "--topic-threshold", "0.5"), List.of(), List.of("--out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bin/guardrail-eval [--dir eval/guardrails] [--datasets ../shared/datasets] "
                    + "[--injection-threshold 0.75] [--topic-threshold 0.5] [--out FILE.json]");
            System.exit(2);
            return;
        }
        Path dir = Path.of(options.get("--dir"));
        Path datasets = Path.of(options.get("--datasets"));
        double injectionThreshold = Double.parseDouble(options.get("--injection-threshold"));
        double topicThreshold = Double.parseDouble(options.get("--topic-threshold"));
        Guardrails guardrails = new Guardrails(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q),
                new GuardrailSettings("GB", injectionThreshold, topicThreshold, 0.6, 0.6));

        Map<String, List<String>> benign = new LinkedHashMap<>();
        benign.put("banking77_train", texts(ExampleFiles.readBanking77(datasets.resolve("banking77/train.csv"))));
        benign.put("clinc150_val", texts(ExampleFiles.readClinc150(datasets.resolve("clinc150/data_train_val.json"),
                "val", "oos_val")));
        benign.put("look_alikes", lines(dir.resolve("benign-hard.txt")));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("injection", new InjectionScore(guardrails, injectionThreshold)
                .score(lines(dir.resolve("injections.txt")), benign, INJECTION_SWEEP));
        report.put("denied_topics", new TopicScore(guardrails, topicThreshold)
                .score(lines(dir.resolve("denied-topics.txt")), benign, TOPIC_SWEEP));
        report.put("pii", new PiiScore(guardrails).score(lines(dir.resolve("pii.tsv")), benign.get("banking77_train")));
        report.put("input_chain_latency_ms", latency(guardrails, benign.get("clinc150_val")));

        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), json + "\n");
        }
    }

    /** Milliseconds the whole input chain takes per message (redaction, injection, a denied topic). */
    private static Map<String, Double> latency(Guardrails guardrails, List<String> messages) {
        GuardrailPolicy policy = new GuardrailPolicy(true, List.of(), List.of("investment advice"), List.of(), true,
                List.of());
        double[] millis = new double[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            long start = System.nanoTime();
            guardrails.checkInput(policy, List.of(new ChatTurn(ChatTurn.Speaker.USER, messages.get(i))), true);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("p50", round(Percentiles.of(millis, 50)));
        figures.put("p99", round(Percentiles.of(millis, 99)));
        return figures;
    }

    static double rate(long count, int total) {
        return total == 0 ? 0 : round(count / (double) total);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static String key(double threshold) {
        return String.format(Locale.ROOT, "%.2f", threshold);
    }

    /** The file's lines that are not blank or comments, comment headers included as {@code # ...} when asked. */
    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("# ") || line.startsWith("# ---"))
                .toList();
    }

    private static List<String> texts(List<Example> examples) {
        List<String> texts = new ArrayList<>(examples.size());
        examples.forEach(example -> texts.add(example.text()));
        return texts;
    }

    static GuardrailPolicy anyPolicy() {
        return ANY;
    }
}
