package dev.confab.contracts.event;

/**
 * A client closes the conversation (the user closed the chat, the app logged out) ({@code conversation.end.requested}).
 *
 * @param reason free text for analytics, may be null
 */
public record ConversationEndRequested(String reason) implements EventPayload {
}
