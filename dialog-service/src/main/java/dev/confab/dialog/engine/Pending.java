package dev.confab.dialog.engine;

import java.util.List;

/**
 * Something the bot waits for that is not a slot answer.
 *
 * @param turnId  the turn that started the wait; a late result for an older turn does not resume the flow
 * @param options for a clarification: the intents offered, in the order said
 * @param slot    for a silent generation: the slot its answer fills
 * @param smallTalkIfNothing for a knowledge answer to an out-of-scope message: make small talk when nothing is found
 * @param text     for a command: the message the SLM reads, which the fallback answers when it reads nothing
 * @param fallback for a command: what the assistant does when the SLM gives no command it can act on
 */
public record Pending(Kind kind, String turnId, List<String> options, String slot, boolean smallTalkIfNothing,
                      String text, Fallback fallback) {

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
        ACTION,
        /** The SLM is reading a message the NLU could not, for a command. */
        COMMAND
    }

    /** What the NLU's reading leads to when the SLM gives no usable command. */
    public enum Fallback {
        /** "Do you mean … or …?" between {@code options}. */
        CLARIFY,
        /** The question asked is asked again. */
        REASK,
        /** A knowledge answer or small talk, and after enough misses the offer of a human. */
        CANNOT_HANDLE
    }

    public Pending {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Something awaited that is not a command. */
    public Pending(Kind kind, String turnId, List<String> options, String slot, boolean smallTalkIfNothing) {
        this(kind, turnId, options, slot, smallTalkIfNothing, null, null);
    }

    public static Pending of(Kind kind, String turnId) {
        return new Pending(kind, turnId, List.of(), null, false);
    }

    /** The SLM reads {@code text}; without a command, {@code fallback} (between {@code options} to clarify). */
    public static Pending command(String turnId, String text, Fallback fallback, List<String> options) {
        return new Pending(Kind.COMMAND, turnId, options, null, false, text, fallback);
    }
}
