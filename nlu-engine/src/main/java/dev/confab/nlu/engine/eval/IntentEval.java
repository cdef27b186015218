package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.StratifiedFolds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jsonl half of bin/nlu-eval: an intent classifier trained on one set and scored on another, or k-fold
 * cross-validation of one set. Either way each utterance is also scored with seeded typos ({@link TypoNoise}), and
 * the report says how many points of accuracy the typos cost.
 */
final class IntentEval {

    /** The headline figures whose spread across folds a cross-validation reports. */
    private static final List<String> FOLD_FIGURES = List.of("accuracy", "top1_accuracy", "in_scope_accuracy",
            "oos_recall", "oos_precision", "macro_f1", "noisy_accuracy", "noise_drop_points");
    private static final long SEED = 42;

    private IntentEval() {
    }

    static Map<String, Object> heldOut(List<Example> train, List<Example> test, SentenceEncoder encoder,
                                       ClassifierSettings settings) {
        long start = System.nanoTime();
        IntentClassifier classifier = IntentClassifier.train(train, encoder, settings);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Predictions predictions = new Predictions();
        predictions.add(classifier, test, noisy(test));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model_version", classifier.version());
        report.put("encoder", encoder.kind().id());
        report.put("examples_train", train.size());
        report.put("train_seconds", trainSeconds);
        report.put("oos_share", settings.outOfScopeShare());
        report.put("oos_threshold", classifier.threshold());
        report.put("oos_similarity_threshold", classifier.similarityThreshold());
        report.put("intents_with_own_thresholds", classifier.intentsWithOwnThresholds());
        report.putAll(predictions.score());
        return report;
    }

    /**
     * Stratified k-fold cross-validation of each settings in turn, encoding every utterance once: the report of the
     * settings with the best pooled accuracy, with a one-line summary of every settings tried under {@code grid}.
     */
    static Map<String, Object> crossValidated(List<Example> examples, int folds, SentenceEncoder encoder,
                                              List<ClassifierSettings> grid) {
        if (folds < 2) {
            throw new IllegalArgumentException("--cv needs at least 2 folds, got " + folds);
        }
        SentenceEncoder memoizing = encoder.memoizing();
        Map<String, Object> best = null;
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (ClassifierSettings settings : grid) {
            Map<String, Object> report = crossValidated(examples, folds, memoizing, settings);
            Map<String, Object> summary = new LinkedHashMap<>();
            List.of("cost", "lexical_weight", "oos_share", "accuracy", "top1_accuracy", "in_scope_accuracy",
                            "oos_recall", "noise_drop_points")
                    .forEach(key -> summary.put(key, report.get(key)));
            summaries.add(summary);
            System.err.println("cross-validated " + summary);
            if (best == null || (double) report.get("accuracy") > (double) best.get("accuracy")) {
                best = report;
            }
        }
        if (grid.size() > 1) {
            best.put("grid", summaries);
        }
        return best;
    }

    /**
     * Stratified k-fold cross-validation: every utterance is predicted once, by the classifier trained on the
     * other folds (an intent's only utterance is always trained on and never predicted). The figures are over the pooled predictions, with each one's standard deviation across folds.
     */
    private static Map<String, Object> crossValidated(List<Example> examples, int folds, SentenceEncoder memoizing,
                                                      ClassifierSettings settings) {
        List<Example> noisy = noisy(examples);
        int[] foldOf = StratifiedFolds.of(examples.stream().map(Example::intent).toList(), folds, SEED);
        Predictions pooled = new Predictions();
        List<Map<String, Object>> perFold = new ArrayList<>();
        long start = System.nanoTime();
        for (int fold = 0; fold < folds; fold++) {
            List<Example> train = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            List<Example> noisyTest = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (foldOf[i] == fold) {
                    test.add(examples.get(i));
                    noisyTest.add(noisy.get(i));
                } else {
                    train.add(examples.get(i));
                }
            }
            IntentClassifier classifier = IntentClassifier.train(train, memoizing, settings);
            Predictions predictions = new Predictions();
            predictions.add(classifier, test, noisyTest);
            pooled.add(classifier, test, noisyTest);
            Map<String, Object> figures = new LinkedHashMap<>();
            Map<String, Object> scored = predictions.score();
            FOLD_FIGURES.forEach(key -> figures.put(key, scored.get(key)));
            perFold.add(figures);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("encoder", memoizing.kind().id());
        report.put("cv_folds", folds);
        report.put("lexical_weight", settings.lexicalWeight());
        report.put("cost", settings.cost());
        report.put("oos_share", settings.outOfScopeShare());
        report.put("mend_typos", settings.mendTypos());
        report.put("cv_seconds", (System.nanoTime() - start) / 1e9);
        report.putAll(pooled.score());
        // Folds reuse remembered embeddings, so per-utterance latency would not be the classifier's.
        report.remove("latency_ms_p50");
        report.remove("latency_ms_p99");
        FOLD_FIGURES.forEach(key -> report.put(key + "_sd", spread(perFold, key)));
        report.put("folds", perFold);
        return report;
    }

    /** The same utterances with seeded typos, one noise stream over the whole list. */
    private static List<Example> noisy(List<Example> examples) {
        TypoNoise noise = new TypoNoise(SEED);
        return examples.stream().map(example -> new Example(noise.apply(example.text()), example.intent())).toList();
    }

    /** The sample standard deviation of one figure across folds; null when a fold had no value for it. */
    private static Double spread(List<Map<String, Object>> perFold, String key) {
        if (perFold.stream().anyMatch(figures -> figures.get(key) == null)) {
            return null;
        }
        double[] values = perFold.stream().mapToDouble(figures -> ((Number) figures.get(key)).doubleValue()).toArray();
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = Arrays.stream(values).map(value -> (value - mean) * (value - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Predictions on clean and noisy utterances, accumulated until scored. */
    private static final class Predictions {
        private final List<Set<String>> gold = new ArrayList<>();
        private final List<Set<String>> clean = new ArrayList<>();
        private final List<String> cleanBest = new ArrayList<>();
        private final List<Set<String>> noisy = new ArrayList<>();
        private final List<String> noisyBest = new ArrayList<>();
        private final List<Double> latency = new ArrayList<>();

        void add(IntentClassifier classifier, List<Example> test, List<Example> noisyTest) {
            for (int i = 0; i < test.size(); i++) {
                long before = System.nanoTime();
                IntentPrediction prediction = classifier.classify(test.get(i).text());
                latency.add((System.nanoTime() - before) / 1e6);
                clean.add(intents(prediction.decision()));
                cleanBest.add(prediction.ranking().get(0).intent());
                IntentPrediction typed = classifier.classify(noisyTest.get(i).text());
                noisy.add(intents(typed.decision()));
                noisyBest.add(typed.ranking().get(0).intent());
                gold.add(intents(test.get(i).intent()));
            }
        }

        Map<String, Object> score() {
            double[] millis = latency.stream().mapToDouble(Double::doubleValue).toArray();
            Map<String, Object> report = Evaluation.score(gold, clean, cleanBest, null, millis);
            Map<String, Object> typed = Evaluation.score(gold, noisy, noisyBest, null, millis);
            Map<String, Object> withNoise = new LinkedHashMap<>();
            withNoise.put("noisy_accuracy", typed.get("accuracy"));
            withNoise.put("noisy_top1_accuracy", typed.get("top1_accuracy"));
            withNoise.put("noise_drop_points", 100 * ((double) report.get("accuracy") - (double) typed.get("accuracy")));
            withNoise.put("noisy_oos_recall", typed.get("oos_recall"));
            Map<String, Object> ordered = new LinkedHashMap<>();
            report.forEach((key, value) -> {
                ordered.put(key, value);
                if (key.equals("oos_precision")) {
                    ordered.putAll(withNoise);
                }
            });
            return ordered;
        }

        private static Set<String> intents(String intent) {
            return Example.OUT_OF_SCOPE.equals(intent) ? Set.of() : Set.of(intent);
        }
    }
}
