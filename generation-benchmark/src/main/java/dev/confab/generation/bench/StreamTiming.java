package dev.confab.generation.bench;

/**
 * When one stream was asked for, and when its first and last tokens arrived.
 *
 * @param tokens how many tokens arrived
 */
record StreamTiming(long requestedNanos, long firstNanos, long lastNanos, int tokens) {

    double firstTokenMillis() {
        return (firstNanos - requestedNanos) / 1e6;
    }

    /** Tokens per second once the answer started, the rate a reader sees. */
    double tokensPerSecond() {
        return lastNanos == firstNanos ? 0 : (tokens - 1) / ((lastNanos - firstNanos) / 1e9);
    }
}
