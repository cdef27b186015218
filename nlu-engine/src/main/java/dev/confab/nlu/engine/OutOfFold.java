package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;

import java.util.stream.IntStream;

/**
 * The intent head's scores on its own training utterances, each from a probe that did not learn from it
 * (stratified k-fold), and on the {@code oos} examples: what temperature and out-of-scope thresholds are learned
 * from. Every in-scope utterance calibrates, not a held-out tenth, so thresholds rest on ten times the evidence;
 * an intent with a single example is never held out ({@link StratifiedFolds}).
 */
final class OutOfFold {

    private final double[][] scores;
    private final double[] similarity;
    private final int[] classes;
    private final double[][] oosScores;
    private final double[] oosSimilarity;

    private OutOfFold(double[][] scores, double[] similarity, int[] classes, double[][] oosScores,
                      double[] oosSimilarity) {
        this.scores = scores;
        this.similarity = similarity;
        this.classes = classes;
        this.oosScores = oosScores;
        this.oosSimilarity = oosSimilarity;
    }

    static OutOfFold score(Feature[][] rows, float[][] vectors, int[] classes, int classCount, Feature[][] oosRows,
                           float[][] oosVectors, int featureCount, ClassifierSettings settings) {
        int folds = settings.calibrationFolds();
        int[] foldOf = StratifiedFolds.of(IntStream.of(classes).boxed().toList(), folds, settings.seed());
        double[][] scores = new double[rows.length][];
        double[] similarity = new double[rows.length];
        double[][] oosScores = new double[oosRows.length][];
        double[] oosSimilarity = new double[oosRows.length];
        for (int fold = 0; fold < folds; fold++) {
            int current = fold;
            int[] training = IntStream.range(0, rows.length).filter(i -> foldOf[i] != current).toArray();
            LinearHead probe = LinearHead.train(pick(rows, training), featureCount, pick(classes, training),
                    settings.cost());
            Neighbourhoods taught = Neighbourhoods.of(pick(vectors, training), pick(classes, training), classCount);
            for (int i = 0; i < rows.length; i++) {
                if (foldOf[i] == fold) {
                    scores[i] = probe.scores(rows[i]);
                    similarity[i] = taught.nearness(vectors[i], Vectors.argmax(scores[i]));
                }
            }
            // Any probe is fair on oos examples (none learned from them); dealing them out spreads the folds' quirks.
            for (int i = fold; i < oosRows.length; i += folds) {
                oosScores[i] = probe.scores(oosRows[i]);
                oosSimilarity[i] = taught.nearness(oosVectors[i], Vectors.argmax(oosScores[i]));
            }
        }
        int[] calibrated = IntStream.range(0, rows.length).filter(i -> foldOf[i] != StratifiedFolds.NEVER_HELD_OUT).toArray();
        return new OutOfFold(pick(scores, calibrated), pick(similarity, calibrated), pick(classes, calibrated),
                oosScores, oosSimilarity);
    }

    /** How many in-scope utterances were scored out of fold. */
    int size() {
        return classes.length;
    }

    /** The temperature that calibrates the out-of-fold scores, or 1 when too few utterances can support one. */
    double temperature(int minimumUtterances) {
        return size() >= minimumUtterances ? Calibration.temperature(scores, classes) : 1.0;
    }

    Decisions inScope(double temperature) {
        return decisions(scores, similarity, classes, temperature);
    }

    Decisions outOfScope(double temperature) {
        return decisions(oosScores, oosSimilarity, null, temperature);
    }

    private static Decisions decisions(double[][] scores, double[] similarity, int[] classes, double temperature) {
        int[] predicted = new int[scores.length];
        double[] confidence = new double[scores.length];
        boolean[] correct = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double[] probabilities = Calibration.softmax(scores[i], temperature);
            predicted[i] = Vectors.argmax(probabilities);
            confidence[i] = probabilities[predicted[i]];
            correct[i] = classes != null && predicted[i] == classes[i];
        }
        return new Decisions(predicted, confidence, similarity, correct);
    }

    private static Feature[][] pick(Feature[][] rows, int[] chosen) {
        return IntStream.of(chosen).mapToObj(i -> rows[i]).toArray(Feature[][]::new);
    }

    private static float[][] pick(float[][] rows, int[] chosen) {
        return IntStream.of(chosen).mapToObj(i -> rows[i]).toArray(float[][]::new);
    }

    private static double[][] pick(double[][] rows, int[] chosen) {
        return IntStream.of(chosen).mapToObj(i -> rows[i]).toArray(double[][]::new);
    }

    private static double[] pick(double[] values, int[] chosen) {
        return IntStream.of(chosen).mapToDouble(i -> values[i]).toArray();
    }

    private static int[] pick(int[] values, int[] chosen) {
        return IntStream.of(chosen).map(i -> values[i]).toArray();
    }
}
