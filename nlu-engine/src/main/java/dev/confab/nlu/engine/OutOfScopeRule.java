package dev.confab.nlu.engine;

import java.util.Arrays;
import java.util.List;

/**
 * When a prediction is out of scope: its confidence or its similarity to the intent's centroid is below the
 * intent's thresholds. Thresholds are learned globally from the calibration utterances; an intent gets its own
 * where enough calibration utterances were predicted as it, some of them wrongly, and its own thresholds decide
 * more of them right than the global ones. A designer's minimum confidence for an intent raises its threshold.
 */
final class OutOfScopeRule {

    /** Fewer utterances than this cannot tell an intent's thresholds from noise. */
    static final int MIN_INTENT_CALIBRATION = 20;

    private final Calibration.Thresholds global;
    private final Calibration.Thresholds[] perIntent;

    private OutOfScopeRule(Calibration.Thresholds global, Calibration.Thresholds[] perIntent) {
        this.global = global;
        this.perIntent = perIntent;
    }

    /**
     * @param inScope  decisions on held-out in-scope utterances
     * @param outScope decisions on {@code oos} examples (possibly none)
     */
    static OutOfScopeRule learn(Decisions inScope, Decisions outScope, List<String> intents,
                                ClassifierSettings settings) {
        // Out-of-scope examples teach both thresholds; without them only confidence can be bounded.
        Calibration.Thresholds global = outScope.size() > 0 && inScope.size() > 0
                ? Calibration.thresholds(inScope.confidence(), inScope.similarity(), inScope.correct(),
                        outScope.confidence(), outScope.similarity())
                : new Calibration.Thresholds(Calibration.threshold(inScope.confidence(), inScope.correct(),
                        settings.inScopeRejectRate()), -1);
        Calibration.Thresholds[] perIntent = new Calibration.Thresholds[intents.size()];
        for (int intent = 0; intent < intents.size(); intent++) {
            Calibration.Thresholds learned = learnFor(global, inScope.predicting(intent), outScope.predicting(intent));
            double minimum = settings.minimumConfidence().getOrDefault(intents.get(intent), 0.0);
            perIntent[intent] = new Calibration.Thresholds(Math.max(learned.confidence(), minimum),
                    learned.similarity());
        }
        return new OutOfScopeRule(global, perIntent);
    }

    private static Calibration.Thresholds learnFor(Calibration.Thresholds global, Decisions inScope,
                                                   Decisions outScope) {
        boolean informative = inScope.size() + outScope.size() >= MIN_INTENT_CALIBRATION
                && (inScope.anyWrong() || outScope.size() > 0);
        if (!informative || inScope.size() == 0) {
            return global;
        }
        Calibration.Thresholds own = Calibration.thresholds(inScope.confidence(), inScope.similarity(),
                inScope.correct(), outScope.confidence(), outScope.similarity());
        int ownScore = Calibration.score(own, inScope.confidence(), inScope.similarity(), inScope.correct(),
                outScope.confidence(), outScope.similarity());
        int globalScore = Calibration.score(global, inScope.confidence(), inScope.similarity(), inScope.correct(),
                outScope.confidence(), outScope.similarity());
        return ownScore > globalScore ? own : global;
    }

    boolean rejects(int intent, double confidence, double similarity) {
        return confidence < perIntent[intent].confidence() || similarity < perIntent[intent].similarity();
    }

    Calibration.Thresholds global() {
        return global;
    }

    Calibration.Thresholds of(int intent) {
        return perIntent[intent];
    }

    /** How many intents decide with thresholds other than the global ones. */
    long specificIntents() {
        return Arrays.stream(perIntent).filter(thresholds -> !thresholds.equals(global)).count();
    }
}
