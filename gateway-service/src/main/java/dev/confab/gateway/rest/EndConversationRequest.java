package dev.confab.gateway.rest;

/** Body of {@code POST /v1/conversations/{id}/end}, optional: why the client closed it (for analytics). */
public record EndConversationRequest(String reason) {
}
