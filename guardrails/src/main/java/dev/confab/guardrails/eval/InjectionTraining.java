package dev.confab.guardrails.eval;

import dev.confab.guardrails.input.InjectionClassifier;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.Vectors;
import dev.confab.nlu.engine.eval.ExampleFiles;
import dev.confab.nlu.engine.eval.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/guardrail-train}: trains the injection classifier on the written training and development attacks
 * against CLINC150's training requests (everyday requests of ten domains, out-of-scope ones included), one half of
 * BANKING77 and written look-alikes, and writes its weights where the guardrails load them. The other half of
 * BANKING77, CLINC150's validation split, the look-alikes of benign-hard.txt and the held-out attacks stay out of
 * training: {@code bin/guardrail-eval} measures on them.
 */
public final class InjectionTraining {

    private static final List<String> ATTACKS = List.of("train-references.txt", "train-injections.txt",
            "injections.txt");

    private InjectionTraining() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = Options.parse(args, Map.of("--dir", "eval/guardrails", "--datasets", "../shared/datasets",
                    "--cost", "1", "--out", "guardrails/src/main/resources/" + InjectionClassifier.RESOURCE),
                    List.of(), List.of());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bin/guardrail-train [--dir eval/guardrails] [--datasets ../shared/datasets] "
                    + "[--cost 1] [--out FILE.json]");
            System.exit(2);
            return;
        }
        Path dir = Path.of(options.get("--dir"));
        List<String> attacks = new ArrayList<>();
        for (String file : ATTACKS) {
            GuardrailEval.lines(dir.resolve(file)).stream().filter(line -> !line.startsWith("#")).forEach(attacks::add);
        }
        List<String> ordinary = new ArrayList<>(GuardrailEval.lines(dir.resolve("train-benign.txt")));
        Path datasets = Path.of(options.get("--datasets"));
        ExampleFiles.readClinc150(datasets.resolve("clinc150/data_train_val.json"), "train", "oos_train").stream()
                .map(Example::text)
                .forEach(ordinary::add);
        ordinary.addAll(BankingSplit.training(ExampleFiles.readBanking77(datasets.resolve("banking77/train.csv"))
                .stream()
                .map(Example::text)
                .toList()));

        SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q);
        InjectionClassifier classifier = InjectionClassifier.train(embed(encoder, attacks), embed(encoder, ordinary),
                Double.parseDouble(options.get("--cost")));
        classifier.save(Path.of(options.get("--out")));
        System.out.printf("Trained on %s; written to %s%n", classifier.trainedOn(), options.get("--out"));
    }

    private static List<float[]> embed(SentenceEncoder encoder, List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 64) {
            Arrays.stream(encoder.encodeAll(texts.subList(from, Math.min(texts.size(), from + 64))))
                    .map(Vectors::unit)
                    .forEach(vectors::add);
        }
        return vectors;
    }
}
