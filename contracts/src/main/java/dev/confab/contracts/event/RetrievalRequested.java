package dev.confab.contracts.event;

/** A knowledge search that dialog needs answered before it can reply ({@code retrieval.requested}). */
public record RetrievalRequested(String query, int topK) implements EventPayload {
}
