package dev.confab.contracts.event;

/**
 * A client asks for the conversation's messages so far ({@code history.requested}); answered by {@code reply.history}.
 *
 * @param userId the verified user asking, or {@code null}: a signed-in user's conversation is shown to that user only
 */
public record HistoryRequested(int limit, String userId) implements EventPayload {
}
