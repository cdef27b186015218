package dev.confab.dialog.engine;

import java.util.List;

/**
 * Something the bot waits for that is not a slot answer.
 *
 * @param turnId  the turn that started the wait; a late result for an older turn does not resume the flow
 * @param options for a clarification: the intents offered, in the order said
 * @param slot    for a silent generation: the slot its answer fills
 * @param smallTalkIfNothing for a knowledge answer to an out-of-scope message: make small talk when nothing is found
 */
public record Pending(Kind kind, String turnId, List<String> options, String slot, boolean smallTalkIfNothing) {

    /** What is awaited. */
    public enum Kind {
        /** The user should pick one of {@code options}. */
        CLARIFICATION,
        /** The user should say whether they want a human. */
        HANDOFF_OFFER,
        /** Retrieval and generation are answering from knowledge. */
        KNOWLEDGE,
        /** Generation is writing a reply or a slot value. */
        GENERATION,
        /** An HTTP action is running. */
        ACTION
    }

    public Pending {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Pending of(Kind kind, String turnId) {
        return new Pending(kind, turnId, List.of(), null, false);
    }
}
