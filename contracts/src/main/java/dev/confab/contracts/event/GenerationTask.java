package dev.confab.contracts.event;

/** What the SLM is asked to do; generation routes each task to a configured model. */
public enum GenerationTask {
    ANSWER, REPHRASE, SUMMARIZE, CLASSIFY, SMALL_TALK
}
