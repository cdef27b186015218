package dev.confab.nlu.engine.entity.tagger;

/**
 * A labelled span of an utterance: the slot it fills and where.
 *
 * @param end index after the last character of the span
 */
public record Slot(String name, int start, int end) {
}
