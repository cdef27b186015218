package dev.confab.contracts.event;

/** The first message of a conversation reached dialog ({@code conversation.started}). */
public record ConversationStarted(String channel) implements EventPayload {
}
