package dev.confab.gateway.rest;

/**
 * Body of a send-message request.
 *
 * @param text    what the user wrote
 * @param channel where it was written (web, mobile, ...); {@code web} when absent
 * @param userId  the signed-in user, if any: the key of long-term memory and of erasure
 */
public record SendMessageRequest(String text, String channel, String userId) {
}
