package dev.confab.contracts.event;

/** A human agent has taken the conversation ({@code handoff.accepted}). */
public record HandoffAccepted(String agentId) implements EventPayload {
}
