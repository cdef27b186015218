package dev.confab.nlu.engine;

import java.util.Arrays;

/** Turns SVM decision values into calibrated probabilities, and picks the confidence below which input is out of scope. */
final class Calibration {

    private static final double MIN_LOG_T = Math.log(0.005);
    private static final double MAX_LOG_T = Math.log(50);
    /** The most of the correctly understood calibration utterances learned thresholds may reject. */
    static final double MAX_REJECTED_CORRECT = 0.05;

    private Calibration() {
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] = Math.exp((scores[i] - max) / temperature);
            sum += probabilities[i];
        }
        for (int i = 0; i < scores.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /** The temperature that minimises the negative log-likelihood of the true classes (temperature scaling). */
    static double temperature(double[][] scores, int[] classes) {
        if (scores.length == 0) {
            return 1.0;
        }
        // Golden-section search over log T: the likelihood is unimodal in T for a fixed set of scores.
        double golden = (Math.sqrt(5) - 1) / 2;
        double low = MIN_LOG_T;
        double high = MAX_LOG_T;
        while (high - low > 1e-3) {
            double left = high - golden * (high - low);
            double right = low + golden * (high - low);
            if (negativeLogLikelihood(scores, classes, Math.exp(left)) < negativeLogLikelihood(scores, classes, Math.exp(right))) {
                high = right;
            } else {
                low = left;
            }
        }
        return Math.exp((low + high) / 2);
    }

    /**
     * The confidence threshold when there are no out-of-scope examples to learn from: it rejects at most
     * {@code rejectRate} of the correctly classified calibration utterances.
     */
    static double threshold(double[] confidence, boolean[] correct, double rejectRate) {
        double[] accepted = new double[confidence.length];
        int n = 0;
        for (int i = 0; i < confidence.length; i++) {
            if (correct[i]) {
                accepted[n++] = confidence[i];
            }
        }
        double[] sorted = Arrays.copyOf(accepted, n);
        Arrays.sort(sorted);
        return n == 0 ? 0 : sorted[(int) Math.floor(rejectRate * (n - 1))];
    }

    /** Confidence and nearest-example similarity thresholds: an utterance is out of scope when either is not reached. */
    record Thresholds(double confidence, double similarity) {
    }

    /**
     * What deciding one calibration utterance right is worth: the share of traffic it stands for, so that a few
     * {@code oos} examples count for the assumed out-of-scope share of traffic and not for their own small number.
     */
    record Weights(double inScope, double outOfScope) {

        static Weights of(int inScopeCount, int outOfScopeCount, double outOfScopeShare) {
            return new Weights((1 - outOfScopeShare) / inScopeCount, outOfScopeShare / outOfScopeCount);
        }
    }

    /**
     * Learns both thresholds jointly on a grid of their quantiles, maximising the weighted share of calibration
     * utterances decided right (in-scope ones count when correct and accepted, out-of-scope ones when rejected),
     * never rejecting more than {@link #MAX_REJECTED_CORRECT} of the correctly understood ones: a few unusual
     * {@code oos} examples must not turn the assistant deaf.
     */
    static Thresholds thresholds(double[] inConfidence, double[] inSimilarity, boolean[] correct,
                                 double[] oosConfidence, double[] oosSimilarity, Weights weights) {
        double[] confidenceGrid = quantiles(concat(inConfidence, oosConfidence));
        double[] similarityGrid = quantiles(concat(inSimilarity, oosSimilarity));
        long correctCount = countTrue(correct);
        Thresholds best = new Thresholds(0, -1);
        double bestScore = -1;
        for (double confidence : confidenceGrid) {
            for (double similarity : similarityGrid) {
                Thresholds candidate = new Thresholds(confidence, similarity);
                if (rejectedCorrect(candidate, inConfidence, inSimilarity, correct) > MAX_REJECTED_CORRECT * correctCount) {
                    continue;
                }
                double score = score(candidate, inConfidence, inSimilarity, correct, oosConfidence, oosSimilarity,
                        weights);
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** The weighted share of calibration utterances the thresholds decide right. */
    static double score(Thresholds thresholds, double[] inConfidence, double[] inSimilarity, boolean[] correct,
                        double[] oosConfidence, double[] oosSimilarity, Weights weights) {
        double score = 0;
        for (int i = 0; i < inConfidence.length; i++) {
            score += correct[i] && accepts(thresholds, inConfidence[i], inSimilarity[i]) ? weights.inScope() : 0;
        }
        for (int i = 0; i < oosConfidence.length; i++) {
            score += accepts(thresholds, oosConfidence[i], oosSimilarity[i]) ? 0 : weights.outOfScope();
        }
        return score;
    }

    private static boolean accepts(Thresholds thresholds, double confidence, double similarity) {
        return confidence >= thresholds.confidence() && similarity >= thresholds.similarity();
    }

    private static int rejectedCorrect(Thresholds thresholds, double[] confidence, double[] similarity,
                                       boolean[] correct) {
        int rejected = 0;
        for (int i = 0; i < confidence.length; i++) {
            rejected += correct[i] && !accepts(thresholds, confidence[i], similarity[i]) ? 1 : 0;
        }
        return rejected;
    }

    private static long countTrue(boolean[] values) {
        long count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }

    /** 0th to 100th percentile in 2% steps: fine enough for a threshold, small enough for a 2-D search. */
    private static double[] quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] grid = new double[51];
        for (int i = 0; i <= 50; i++) {
            grid[i] = sorted[Math.min(sorted.length - 1, (int) Math.floor(i / 50.0 * sorted.length))];
        }
        return grid;
    }

    private static double negativeLogLikelihood(double[][] scores, int[] classes, double temperature) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            total -= Math.log(Math.max(softmax(scores[i], temperature)[classes[i]], 1e-12));
        }
        return total;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
