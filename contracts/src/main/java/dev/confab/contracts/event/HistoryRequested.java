package dev.confab.contracts.event;

/** A client asks for the conversation's messages so far ({@code history.requested}); answered by {@code reply.history}. */
public record HistoryRequested(int limit) implements EventPayload {
}
