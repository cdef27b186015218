package dev.confab.contracts.event;

/** A human agent wrote to the user during a handoff ({@code agent.message}). */
public record AgentMessage(String agentId, String text) implements EventPayload {
}
