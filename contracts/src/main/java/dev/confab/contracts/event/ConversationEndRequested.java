package dev.confab.contracts.event;

/**
 * A client closes the conversation (the user closed the chat, the app logged out) ({@code conversation.end.requested}),
 * or dialog does, once the user has been quiet for longer than the assistant's timeout ({@link #INACTIVITY}).
 *
 * @param reason free text for analytics, may be null
 */
public record ConversationEndRequested(String reason) implements EventPayload {

    /**
     * The reason dialog gives when it asks itself to end a conversation the user left: it ends with reason
     * INACTIVITY, and only if the user has not written since. A client's request ends it as CLOSED, whatever it says.
     */
    public static final String INACTIVITY = "inactivity";
}
