package dev.confab.nlu.engine;

/**
 * How the intent classifier is trained.
 *
 * @param cost              the SVM's regularisation cost C (chosen by measurement on BANKING77: docs/benchmarks.md)
 * @param holdoutFraction   share of each intent's examples held out to calibrate confidences and the OOS threshold
 * @param inScopeRejectRate share of held-out in-scope utterances the threshold may reject when no OOS examples exist
 * @param ambiguityMargin   the best two confidences closer than this make a prediction ambiguous
 * @param topK              how many intents a prediction ranks
 * @param seed              seed of the held-out split, so training is repeatable
 */
public record ClassifierSettings(double cost, double holdoutFraction, double inScopeRejectRate, double ambiguityMargin,
                                 int topK, long seed) {

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(1.0, 0.1, 0.01, 0.1, 5, 42);
    }
}
