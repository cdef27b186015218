package dev.confab.nlu.engine;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * When a prediction is out of scope: its confidence or its similarity to the intent's nearest example is below the
 * intent's thresholds. Thresholds are learned globally from out-of-fold predictions on the training utterances and
 * the {@code oos} examples; an intent gets its own where enough calibration utterances were predicted as it, some of
 * them wrongly, and its own thresholds decide more of them right than the global ones. A designer's minimum
 * confidence for an intent raises its threshold.
 */
final class OutOfScopeRule {

    /** Fewer utterances than this cannot tell an intent's thresholds from noise. */
    static final int MIN_INTENT_CALIBRATION = 20;
    /** With fewer {@code oos} examples than this, learned thresholds are no laxer than those of none. */
    static final int MIN_OOS_EXAMPLES = 20;

    private final Calibration.Thresholds global;
    private final Calibration.Thresholds[] perIntent;

    private OutOfScopeRule(Calibration.Thresholds global, Calibration.Thresholds[] perIntent) {
        this.global = global;
        this.perIntent = perIntent;
    }

    /**
     * @param inScope  out-of-fold decisions on in-scope training utterances
     * @param outScope decisions on {@code oos} examples (possibly none)
     */
    static OutOfScopeRule learn(Decisions inScope, Decisions outScope, List<String> intents,
                                ClassifierSettings settings) {
        boolean learned = outScope.size() > 0 && inScope.size() > 0;
        Calibration.Weights weights = learned
                ? Calibration.Weights.of(inScope.size(), outScope.size(), settings.outOfScopeShare())
                : null;
        double floor = Calibration.threshold(inScope.confidence(), inScope.correct(), settings.inScopeRejectRate());
        Calibration.Thresholds global = learned
                ? Calibration.thresholds(inScope.confidence(), inScope.similarity(), inScope.correct(),
                        outScope.confidence(), outScope.similarity(), weights)
                : new Calibration.Thresholds(floor, -1);
        // A handful of oos examples may all look like requests and teach no threshold at all: the confidence that
        // keeps all but a small share of correctly understood requests is then the least the assistant demands.
        if (learned && outScope.size() < MIN_OOS_EXAMPLES) {
            global = new Calibration.Thresholds(Math.max(global.confidence(), floor), global.similarity());
        }
        Calibration.Thresholds[] perIntent = new Calibration.Thresholds[intents.size()];
        for (int intent = 0; intent < intents.size(); intent++) {
            Calibration.Thresholds own = learned
                    ? learnFor(global, inScope.predicting(intent), outScope.predicting(intent), weights)
                    : global;
            double minimum = settings.minimumConfidence().getOrDefault(intents.get(intent), 0.0);
            // An intent's own thresholds may be stricter than the global ones, never laxer: learned on its few
            // calibration utterances, a laxer one would accept what the assistant as a whole rejects.
            perIntent[intent] = new Calibration.Thresholds(Math.max(Math.max(own.confidence(), global.confidence()),
                    minimum), Math.max(own.similarity(), global.similarity()));
        }
        return new OutOfScopeRule(global, perIntent);
    }

    /** The intent's own thresholds when they decide its calibration utterances better than the global ones. */
    private static Calibration.Thresholds learnFor(Calibration.Thresholds global, Decisions inScope,
                                                   Decisions outScope, Calibration.Weights weights) {
        boolean informative = inScope.size() + outScope.size() >= MIN_INTENT_CALIBRATION
                && (inScope.anyWrong() || outScope.size() > 0);
        if (!informative || inScope.size() == 0) {
            return global;
        }
        Calibration.Thresholds own = Calibration.thresholds(inScope.confidence(), inScope.similarity(),
                inScope.correct(), outScope.confidence(), outScope.similarity(), weights);
        double ownScore = Calibration.score(own, inScope.confidence(), inScope.similarity(), inScope.correct(),
                outScope.confidence(), outScope.similarity(), weights);
        double globalScore = Calibration.score(global, inScope.confidence(), inScope.similarity(), inScope.correct(),
                outScope.confidence(), outScope.similarity(), weights);
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

    void write(ModelOutput out) throws IOException {
        write(out, global);
        out.writeInt(perIntent.length);
        for (Calibration.Thresholds thresholds : perIntent) {
            write(out, thresholds);
        }
    }

    static OutOfScopeRule read(ModelInput in) throws IOException {
        Calibration.Thresholds global = readThresholds(in);
        Calibration.Thresholds[] perIntent = new Calibration.Thresholds[in.readInt()];
        for (int intent = 0; intent < perIntent.length; intent++) {
            perIntent[intent] = readThresholds(in);
        }
        return new OutOfScopeRule(global, perIntent);
    }

    private static void write(ModelOutput out, Calibration.Thresholds thresholds) throws IOException {
        out.writeDouble(thresholds.confidence());
        out.writeDouble(thresholds.similarity());
    }

    private static Calibration.Thresholds readThresholds(ModelInput in) throws IOException {
        return new Calibration.Thresholds(in.readDouble(), in.readDouble());
    }
}
