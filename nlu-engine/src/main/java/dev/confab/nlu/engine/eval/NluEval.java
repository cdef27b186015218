package dev.confab.nlu.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.MultiLabelClassifier;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.tagger.Slot;
import dev.confab.nlu.engine.entity.tagger.SlotExample;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.entity.tagger.WordVectors;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/nlu-eval}: trains on one set of files, understands every utterance of another one at a time, and
 * reports accuracy, macro-F1, out-of-scope recall and precision, slot span F1, per-intent figures, confusions and
 * per-utterance latency. jsonl data trains the intent classifier; NLU++ folds train the multi-label intent
 * classifier and the slot tagger.
 */
public final class NluEval {

    private static final String USAGE = """
            usage: bin/nlu-eval --train FILE[,FILE...] (--test FILE[,FILE...] | --cv K) [--format jsonl|nlupp]
                                [--out FILE.json] [--encoder all-minilm-l6-v2-q|bge-small-en-v15-q]
                                [--cost C] [--lexical-weight W] [--oos-share S] [--mend-typos on|off]
                                [--reference-time ISO-8601]
              --cv K: stratified K-fold cross-validation of the --train files (jsonl only), no --test needed.
              --cost, --lexical-weight: the intent head's SVM cost and lexical feature weight (0: embedding only);
              --oos-share: the share of traffic assumed out of scope when out-of-scope thresholds are learned;
                     with --cv, comma-separated lists of these cross-validate every combination and report the best.
              --mend-typos: mend typing slips before classifying (default on).
              jsonl: one {"text": "...", "intent": "..."} per line; intent "oos" marks out-of-scope.
              nlupp: NLU++ folds (JSON arrays with "text", "intents", "slots"); relative dates refer to
                     --reference-time, by default NLU++'s 2022-03-15T09:00:00Z.
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
        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Kind.fromId(options.get("--encoder")));
        Map<String, Object> report = "nlupp".equals(options.get("--format"))
                ? nlupp(files(options.get("--train")), files(options.get("--test")), encoder,
                        OffsetDateTime.parse(options.get("--reference-time")).toZonedDateTime())
                : jsonl(options, encoder);
        System.out.print(Evaluation.readable(report));
        if (options.containsKey("--out")) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(Path.of(options.get("--out")).toFile(), report);
            System.out.println("\nwrote " + options.get("--out"));
        }
    }

    private static Map<String, Object> jsonl(Map<String, String> options, SentenceEncoder encoder) {
        List<Example> train = examples(options.get("--train"));
        List<ClassifierSettings> grid = new ArrayList<>();
        ClassifierSettings defaults = ClassifierSettings.defaults();
        boolean mendTypos = !"off".equals(options.get("--mend-typos"));
        for (double cost : numbers(options.get("--cost"), defaults.cost())) {
            for (double weight : numbers(options.get("--lexical-weight"), defaults.lexicalWeight())) {
                for (double share : numbers(options.get("--oos-share"), defaults.outOfScopeShare())) {
                    grid.add(defaults.withHead(cost, weight, mendTypos).withOutOfScopeShare(share));
                }
            }
        }
        if (!options.containsKey("--cv")) {
            if (grid.size() > 1) {
                throw new IllegalArgumentException("Several --cost, --lexical-weight or --oos-share values need --cv K");
            }
            return IntentEval.heldOut(train, examples(options.get("--test")), encoder, grid.get(0));
        }
        return IntentEval.crossValidated(train, Integer.parseInt(options.get("--cv")), encoder, grid);
    }

    /** A comma-separated list of numbers, or the default alone. */
    private static List<Double> numbers(String commaSeparated, double fallback) {
        return commaSeparated == null ? List.of(fallback)
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Double::parseDouble).toList();
    }

    private static List<Example> examples(String files) {
        return files(files).stream().flatMap(file -> ExampleFiles.readJsonl(file).stream()).toList();
    }

    private static Map<String, Object> nlupp(List<Path> trainFiles, List<Path> testFiles, SentenceEncoder encoder,
                                             ZonedDateTime reference) {
        List<NluppFiles.Utterance> train = trainFiles.stream().flatMap(f -> NluppFiles.read(f).stream()).toList();
        List<NluppFiles.Utterance> test = testFiles.stream().flatMap(f -> NluppFiles.read(f).stream()).toList();
        EntityRecognizer system = EntityRecognizer.of(EntityDefinitions.none());
        long start = System.nanoTime();
        MultiLabelClassifier classifier = MultiLabelClassifier.train(
                train.stream().map(NluppFiles.Utterance::text).toList(),
                train.stream().map(NluppFiles.Utterance::intents).toList(), encoder);
        SlotTagger tagger = SlotTagger.train(
                train.stream().map(u -> new SlotExample(u.text(), u.slots())).toList(), system::recognize,
                new WordVectors(encoder), reference);
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        List<Set<String>> gold = new ArrayList<>();
        List<Set<String>> predicted = new ArrayList<>();
        List<List<Slot>> goldSlots = new ArrayList<>();
        List<List<Slot>> predictedSlots = new ArrayList<>();
        double[] latency = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            NluppFiles.Utterance utterance = test.get(i);
            long before = System.nanoTime();
            predicted.add(classifier.classify(utterance.text()));
            predictedSlots.add(tagger.extract(utterance.text(), reference).stream()
                    .map(slot -> new Slot(slot.entity(), slot.start(), slot.end()))
                    .toList());
            latency[i] = (System.nanoTime() - before) / 1e6;
            gold.add(utterance.intents());
            goldSlots.add(utterance.slots());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("encoder", encoder.kind().id());
        report.put("examples_train", train.size());
        report.put("train_seconds", trainSeconds);
        report.putAll(Evaluation.score(gold, predicted, null, SlotScore.of(goldSlots, predictedSlots), latency));
        return report;
    }

    private static List<Path> files(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Path::of).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = Options.parse(args, Map.of("--format", "jsonl", "--encoder",
                "all-minilm-l6-v2-q", "--reference-time", "2022-03-15T09:00:00Z"), List.of("--train"),
                List.of("--test", "--out", "--cv", "--cost", "--lexical-weight", "--oos-share",
                        "--mend-typos"));
        if (!options.containsKey("--test") && !options.containsKey("--cv")) {
            throw new IllegalArgumentException("--test is required (or --cv K to cross-validate --train)");
        }
        if (options.containsKey("--cv") && options.containsKey("--test")) {
            throw new IllegalArgumentException("--cv K cross-validates --train alone; drop --test, or --cv");
        }
        if (options.containsKey("--cv") && "nlupp".equals(options.get("--format"))) {
            throw new IllegalArgumentException("--cv works on jsonl files");
        }
        if (!List.of("jsonl", "nlupp").contains(options.get("--format"))) {
            throw new IllegalArgumentException("Unknown format " + options.get("--format") + "; use jsonl or nlupp");
        }
        return options;
    }
}
