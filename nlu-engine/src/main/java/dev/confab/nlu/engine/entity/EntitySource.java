package dev.confab.nlu.engine.entity;

import java.util.Locale;

/** How an entity was found, in the order a conflict between overlapping spans prefers them. */
public enum EntitySource {
    /** A value list of the assistant, with synonyms and fuzzy matching. */
    LOOKUP,
    /** A pattern: the assistant's regular expressions or a system entity's grammar. */
    RULE,
    /** A tagger trained on the assistant's annotated examples. */
    MODEL;

    /** The wire name used in {@code message.understood}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
