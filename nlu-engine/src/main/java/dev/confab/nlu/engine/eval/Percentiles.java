package dev.confab.nlu.engine.eval;

import java.util.Arrays;

/** Latency percentiles as every Confab evaluation and benchmark reports them. */
public final class Percentiles {

    private Percentiles() {
    }

    /** Nearest-rank percentile; 0 for no values. */
    public static double of(double[] values, double percentile) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
