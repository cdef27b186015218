package dev.confab.contracts.event;

/**
 * One of several requests in a message: its intent, confidence and the clause it was found in.
 *
 * @param start index of the first character of the clause
 * @param end   index after the last character of the clause
 */
public record IntentSpan(String intent, double confidence, int start, int end) {
}
