package dev.confab.contracts.event;

/** One ranked intent with its confidence in [0, 1]. */
public record IntentScore(String intent, double confidence) {
}
