package dev.confab.bundle.model;

/** What the engine does with an intent beyond starting the flows it triggers. */
public enum IntentRole {
    /** Starts the flow that lists it as a trigger, or is answered from knowledge. */
    TASK,
    /** Small talk: answered by its response {@code chitchat_<intent>}, else by the SLM within the persona. */
    CHITCHAT,
    GREET,
    GOODBYE,
    AFFIRM,
    DENY,
    /** Stops the flow in progress. */
    CANCEL,
    /** Skips an optional question. */
    SKIP,
    /** Asks for a human agent. */
    HANDOFF,
    /** Examples of what the assistant does not handle: the NLU learns its out-of-scope threshold from them. */
    OUT_OF_SCOPE
}
