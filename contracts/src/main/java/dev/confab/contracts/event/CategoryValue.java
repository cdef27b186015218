package dev.confab.contracts.event;

/**
 * A category slot's value a user message means as a whole, read by meaning rather than by its words ("the parcel
 * never turned up" → {@code not_received}).
 *
 * @param slot       the category slot of the assistant's bundle
 * @param value      one of the slot's values
 * @param similarity cosine similarity of the message to the value's nearest synonym
 */
public record CategoryValue(String slot, String value, double similarity) {
}
