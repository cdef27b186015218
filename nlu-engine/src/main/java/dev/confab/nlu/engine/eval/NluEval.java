package dev.confab.nlu.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.SentenceEncoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/nlu-eval}: trains the intent classifier on one file, classifies every utterance of another one at a
 * time, and reports accuracy, macro-F1, out-of-scope recall and precision, per-intent figures, confusions and
 * per-utterance latency.
 */
public final class NluEval {

    private static final String USAGE = """
            usage: bin/nlu-eval --train FILE[,FILE...] --test FILE[,FILE...] [--format jsonl] [--out FILE.json]
                                [--encoder all-minilm-l6-v2-q|bge-small-en-v15-q]
              jsonl: one {"text": "...", "intent": "..."} per line; intent "oos" marks out-of-scope.
            """;

    private NluEval() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        List<Example> train = read(options.get("--train"), options.get("--format"));
        List<Example> test = read(options.get("--test"), options.get("--format"));
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Kind.fromId(options.get("--encoder")));

        long start = System.nanoTime();
        IntentClassifier classifier = IntentClassifier.train(train, encoder, ClassifierSettings.defaults());
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> best = new ArrayList<>();
        double[] latency = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            long before = System.nanoTime();
            IntentPrediction prediction = classifier.classify(test.get(i).text());
            latency[i] = (System.nanoTime() - before) / 1e6;
            predicted.add(prediction.decision());
            best.add(prediction.ranking().get(0).intent());
            gold.add(test.get(i).intent());
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model_version", classifier.version());
        report.put("encoder", encoder.kind().id());
        report.put("examples_train", train.size());
        report.put("train_seconds", trainSeconds);
        report.put("oos_threshold", classifier.threshold());
        report.put("oos_similarity_threshold", classifier.similarityThreshold());
        report.putAll(Evaluation.score(gold, predicted, best, latency));
        System.out.print(Evaluation.readable(report));
        if (options.containsKey("--out")) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(Path.of(options.get("--out")).toFile(), report);
            System.out.println("\nwrote " + options.get("--out"));
        }
    }

    private static List<Example> read(String files, String format) {
        if (!"jsonl".equals(format)) {
            throw new IllegalArgumentException("Format '" + format + "' is not supported yet; use jsonl");
        }
        return Arrays.stream(files.split(","))
                .flatMap(file -> ExampleFiles.readJsonl(Path.of(file)).stream())
                .toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--format", "jsonl", "--encoder", "all-minilm-l6-v2-q"));
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--train", "--test", "--format", "--out", "--encoder").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--train") || !options.containsKey("--test")) {
            throw new IllegalArgumentException("--train and --test are required");
        }
        return options;
    }
}
