package dev.confab.contracts.event;

/**
 * One entity found in a user message.
 *
 * @param text       the characters of the message the entity was found in
 * @param value      the normalised value; system entities use the formats in {@code message.understood.json}
 * @param start      index of the first character of the span in the message text
 * @param end        index after the last character of the span
 * @param source     how it was found: {@code rule}, {@code lookup} or {@code model}
 */
public record EntityValue(String entity, String text, String value, int start, int end, String source,
                          double confidence) {
}
