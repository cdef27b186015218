package dev.confab.nlu.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the intent classifier is trained.
 *
 * @param cost              the SVM's regularisation cost C (chosen by measurement on BANKING77: docs/benchmarks.md)
 * @param holdoutFraction   share of each intent's examples held out to calibrate confidences and the OOS threshold
 * @param inScopeRejectRate share of held-out in-scope utterances the threshold may reject when no OOS examples exist
 * @param ambiguityMargin   the best two confidences closer than this make a prediction ambiguous
 * @param topK              how many intents a prediction ranks
 * @param seed              seed of the held-out split, so training is repeatable
 * @param minimumConfidence per intent, the least confidence a designer demands before the assistant acts on it
 *                          (closing an account deserves more certainty than checking a balance); the learned
 *                          threshold applies when it is higher
 */
public record ClassifierSettings(double cost, double holdoutFraction, double inScopeRejectRate, double ambiguityMargin,
                                 int topK, long seed, Map<String, Double> minimumConfidence) {

    public ClassifierSettings {
        // Sorted, so the settings (and with them the model version) print the same every time.
        minimumConfidence = new TreeMap<>(minimumConfidence == null ? Map.of() : minimumConfidence);
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(1.0, 0.1, 0.01, 0.1, 5, 42, Map.of());
    }

    public ClassifierSettings withMinimumConfidence(Map<String, Double> minimums) {
        return new ClassifierSettings(cost, holdoutFraction, inScopeRejectRate, ambiguityMargin, topK, seed, minimums);
    }
}
