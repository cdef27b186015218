package dev.confab.contracts.event;

/** A message a user sent, as accepted by the gateway ({@code user.message}). */
public record UserMessage(String text, String channel) implements EventPayload {
}
