package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code bin/nlu-datasets}: writes the public datasets as bin/nlu-eval jsonl files, with the splits
 * docs/benchmarks.md reports: BANKING77 train split 80/20 per intent (seed 42); CLINC150 train plus oos_train
 * against val plus oos_val.
 */
public final class DatasetExport {

    private static final long SEED = 42;
    private static final double BANKING77_TEST_SHARE = 0.2;

    private DatasetExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: bin/nlu-datasets DATASETS_DIR OUT_DIR   (DATASETS_DIR holds banking77/ and clinc150/)");
            System.exit(2);
        }
        Path datasets = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));

        List<Example> banking = ExampleFiles.readBanking77(datasets.resolve("banking77/train.csv"));
        List<List<Example>> split = stratifiedSplit(banking, BANKING77_TEST_SHARE);
        write(out.resolve("banking77-train.jsonl"), split.get(0));
        write(out.resolve("banking77-test.jsonl"), split.get(1));

        Path clinc = datasets.resolve("clinc150/data_train_val.json");
        write(out.resolve("clinc150-train.jsonl"), ExampleFiles.readClinc150(clinc, "train", "oos_train"));
        write(out.resolve("clinc150-val.jsonl"), ExampleFiles.readClinc150(clinc, "val", "oos_val"));
        // CLINC150's out-of-scope queries alone: what a bank assistant should also decline.
        write(out.resolve("clinc150-oos-train.jsonl"), ExampleFiles.readClinc150(clinc, "oos_train"));
        write(out.resolve("clinc150-oos-val.jsonl"), ExampleFiles.readClinc150(clinc, "oos_val"));
    }

    /** Per intent, a repeatable random share goes to the second list. */
    static List<List<Example>> stratifiedSplit(List<Example> examples, double testShare) {
        Map<String, List<Example>> byIntent = new TreeMap<>();
        examples.forEach(example -> byIntent.computeIfAbsent(example.intent(), k -> new ArrayList<>()).add(example));
        Random random = new Random(SEED);
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (List<Example> members : byIntent.values()) {
            Collections.shuffle(members, random);
            int testCount = (int) Math.round(members.size() * testShare);
            test.addAll(members.subList(0, testCount));
            train.addAll(members.subList(testCount, members.size()));
        }
        return List.of(train, test);
    }

    private static void write(Path file, List<Example> examples) {
        ExampleFiles.writeJsonl(file, examples);
        System.out.printf("%-28s %6d examples%n", file.getFileName(), examples.size());
    }
}
