package dev.confab.gateway.rest;

/**
 * Body of an agent-desk request.
 *
 * @param agentId who is acting (1–128 letters, digits, '_', '-', '.' or ':')
 * @param text    what the agent writes to the user; only for messages
 */
public record AgentRequest(String agentId, String text) {
}
