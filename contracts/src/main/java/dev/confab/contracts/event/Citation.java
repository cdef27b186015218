package dev.confab.contracts.event;

/** Where a statement in a bot message comes from. */
public record Citation(String documentId, String chunkId, String title, String url) {
}
