package dev.confab.contracts.event;

/**
 * The client stopped waiting for the turn's reply (it disconnected), so generation stops the model
 * ({@code generation.cancelled}). Keyed like the turn's request, so it reaches the generation instance that holds
 * the answer; generation still records what the user saw.
 *
 * @param reason why, for logs
 */
public record GenerationCancelled(String reason) implements EventPayload {
}
