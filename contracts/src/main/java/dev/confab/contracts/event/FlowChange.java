package dev.confab.contracts.event;

/** What happened to a flow on the dialogue stack. */
public enum FlowChange {
    STARTED, COMPLETED, INTERRUPTED, RESUMED, CANCELLED, FAILED
}
