package dev.confab.contracts.event;

/**
 * The conversation is over: the user said goodbye, went quiet for too long, or the client closed it
 * ({@code conversation.ended}).
 */
public record ConversationEnded(Reason reason) implements EventPayload {

    /** Why it ended. */
    public enum Reason {
        GOODBYE, INACTIVITY, CLOSED
    }
}
