package dev.confab.gateway.rest;

/**
 * A conversation the gateway opened, with where to talk in it.
 *
 * @param conversationId an id nobody can guess, to send messages to
 * @param messages       the path that sends (POST) and lists (GET) its messages
 * @param stream         the path that follows it (GET, SSE) and resumes a broken stream
 */
public record NewConversation(String conversationId, String messages, String stream) {
}
