package dev.confab.nlu.engine;

/**
 * One of several requests in an utterance: its intent, confidence and where it is in the text.
 *
 * @param end index after the last character of the request's clause
 */
public record IntentSpan(String intent, double confidence, int start, int end) {
}
