package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a send-message request.
 *
 * @param text    what the user wrote
 * @param channel where it was written (web, mobile, ...); {@code web} when absent
 * @param userId  refused: the signed-in user is taken only from a verified {@code X-User-Token}, never from the
 *                body; the field exists so that a client still sending it is told so
 */
public record SendMessageRequest(String text, String channel, @Schema(hidden = true) String userId) {
}
