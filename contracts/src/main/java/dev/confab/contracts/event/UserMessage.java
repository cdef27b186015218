package dev.confab.contracts.event;

/**
 * A message a user sent, as accepted by the gateway ({@code user.message}).
 *
 * @param userId the signed-in user, when the client names one; long-term memory and erasure key on it
 */
public record UserMessage(String text, String channel, String userId) implements EventPayload {

    public UserMessage(String text, String channel) {
        this(text, channel, null);
    }
}
