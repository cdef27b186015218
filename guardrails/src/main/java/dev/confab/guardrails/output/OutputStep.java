package dev.confab.guardrails.output;

/** What to do with the answer so far after a piece of model output. */
public sealed interface OutputStep {

    /** Show this text (the user's data restored). */
    record Show(String text) implements OutputStep {
    }

    /**
     * Take back what was shown from character {@code fromOffset} on: the sentence starting there failed a rail. The
     * answer stops here; the caller ends it safely.
     */
    record Retract(int fromOffset, String rail, String reason) implements OutputStep {
    }
}
