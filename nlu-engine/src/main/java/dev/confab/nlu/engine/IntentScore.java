package dev.confab.nlu.engine;

/** An intent and the calibrated probability that the utterance means it. */
public record IntentScore(String intent, double confidence) {
}
