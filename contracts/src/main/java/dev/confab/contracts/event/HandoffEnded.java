package dev.confab.contracts.event;

/** The agent has given the conversation back to the bot ({@code handoff.ended}). */
public record HandoffEnded(String agentId) implements EventPayload {
}
