package dev.confab.nlu.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the intent classifier is trained. The head's settings and the out-of-scope share were chosen by
 * cross-validation on training files only (docs/benchmarks.md says on which).
 *
 * @param cost              the SVM's regularisation cost C
 * @param lexicalWeight     the norm of an utterance's lexical features against its embedding's 1; 0 uses the
 *                          embedding alone
 * @param mendTypos         mend typing slips before classifying ({@link Spelling})
 * @param calibrationFolds  confidences and out-of-scope thresholds are learned on out-of-fold predictions of this
 *                          many probes, each trained without one fold of every intent's examples
 * @param outOfScopeShare   the share of traffic assumed out of scope when weighing a wrongly rejected request
 *                          against a wrongly accepted out-of-scope one (used with enough {@code oos} examples)
 * @param inScopeRejectRate share of correctly understood calibration utterances the confidence threshold may
 *                          reject when there are too few {@code oos} examples to learn from
 * @param ambiguityMargin   the best two confidences closer than this make a prediction ambiguous
 * @param topK              how many intents a prediction ranks
 * @param seed              seed of the calibration folds, so training is repeatable
 * @param minimumConfidence per intent, the least confidence a designer demands before the assistant acts on it
 *                          (closing an account deserves more certainty than checking a balance); the learned
 *                          threshold applies when it is higher
 */
public record ClassifierSettings(double cost, double lexicalWeight, boolean mendTypos, int calibrationFolds,
                                 double outOfScopeShare, double inScopeRejectRate, double ambiguityMargin, int topK,
                                 long seed, Map<String, Double> minimumConfidence) {

    public ClassifierSettings {
        // Sorted, so the settings (and with them the model version) print the same every time.
        minimumConfidence = new TreeMap<>(minimumConfidence == null ? Map.of() : minimumConfidence);
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(1.0, 1.0, true, 3, 0.2, 0.01, 0.1, 5, 42, Map.of());
    }

    public ClassifierSettings withMinimumConfidence(Map<String, Double> minimums) {
        return new ClassifierSettings(cost, lexicalWeight, mendTypos, calibrationFolds, outOfScopeShare,
                inScopeRejectRate, ambiguityMargin, topK, seed, minimums);
    }

    /** These settings with another head and typo handling: what cross-validation compares. */
    public ClassifierSettings withHead(double otherCost, double otherLexicalWeight, boolean otherMendTypos) {
        return new ClassifierSettings(otherCost, otherLexicalWeight, otherMendTypos, calibrationFolds,
                outOfScopeShare, inScopeRejectRate, ambiguityMargin, topK, seed, minimumConfidence);
    }

    /** These settings assuming another share of out-of-scope traffic. */
    public ClassifierSettings withOutOfScopeShare(double share) {
        return new ClassifierSettings(cost, lexicalWeight, mendTypos, calibrationFolds, share, inScopeRejectRate,
                ambiguityMargin, topK, seed, minimumConfidence);
    }

    void write(ModelOutput out) throws IOException {
        out.writeDouble(cost);
        out.writeDouble(lexicalWeight);
        out.writeBoolean(mendTypos);
        out.writeInt(calibrationFolds);
        out.writeDouble(outOfScopeShare);
        out.writeDouble(inScopeRejectRate);
        out.writeDouble(ambiguityMargin);
        out.writeInt(topK);
        out.writeLong(seed);
        out.writeStrings(minimumConfidence.keySet());
        out.writeDoubles(minimumConfidence.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    static ClassifierSettings read(ModelInput in) throws IOException {
        double cost = in.readDouble();
        double lexicalWeight = in.readDouble();
        boolean mendTypos = in.readBoolean();
        int calibrationFolds = in.readInt();
        double outOfScopeShare = in.readDouble();
        double inScopeRejectRate = in.readDouble();
        double ambiguityMargin = in.readDouble();
        int topK = in.readInt();
        long seed = in.readLong();
        List<String> intents = in.readStrings();
        double[] minimums = in.readDoubles();
        Map<String, Double> minimumConfidence = new TreeMap<>();
        for (int i = 0; i < intents.size(); i++) {
            minimumConfidence.put(intents.get(i), minimums[i]);
        }
        return new ClassifierSettings(cost, lexicalWeight, mendTypos, calibrationFolds, outOfScopeShare,
                inScopeRejectRate, ambiguityMargin, topK, seed, minimumConfidence);
    }
}
