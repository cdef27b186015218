package dev.confab.contracts.event;

/**
 * What a user thought of the bot ({@code feedback.given}, on the public stream): thumbs on one message, a
 * satisfaction score for the conversation, or both.
 *
 * @param messageId the event id of the rated message (the id of its SSE {@code message} event), with a rating
 * @param rating    whether that message helped
 * @param csat      customer satisfaction with the conversation, 1 (very unhappy) to 5 (very happy)
 * @param comment   what the user wrote, if anything
 */
public record FeedbackGiven(String messageId, Rating rating, Integer csat, String comment) implements EventPayload {

    /** Thumbs up or down. */
    public enum Rating {
        UP,
        DOWN
    }
}
