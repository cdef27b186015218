package dev.confab.contracts.event;

/**
 * What the SLM is asked to do; generation routes each task to a configured model. {@code COMMAND}: read a message
 * the NLU could not and answer with a typed command over the assistant's flows and slots (the request's schema).
 */
public enum GenerationTask {
    ANSWER, REPHRASE, SUMMARIZE, CLASSIFY, SMALL_TALK, COMMAND
}
