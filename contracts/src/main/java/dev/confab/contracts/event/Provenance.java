package dev.confab.contracts.event;

/** Where the text of a bot message came from. */
public enum Provenance {
    TEMPLATE, REPHRASED, RAG, GENERATIVE, EXTRACTIVE, HUMAN
}
