package dev.confab.guardrails.output;

import java.util.Optional;

/** One check on each complete sentence the model writes. */
interface SentenceRail {

    /** The rail's name in verdicts ({@code banned_phrase}, {@code pii}…). */
    String name();

    /** Why the sentence must not stand, or empty when it may. */
    Optional<String> violation(String sentence);
}
