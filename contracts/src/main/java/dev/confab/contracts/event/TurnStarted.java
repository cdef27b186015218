package dev.confab.contracts.event;

/**
 * A user message as dialog received it, with what the NLU made of it ({@code turn.started}).
 *
 * @param intent     the best intent, or {@code null} when the message was out of scope
 * @param confidence the best intent's calibrated confidence
 */
public record TurnStarted(String text, String intent, double confidence, boolean outOfScope, String language,
                          String channel) implements EventPayload {
}
