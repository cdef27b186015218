package dev.confab.gateway.rest;

/**
 * Body of a feedback request: a rating of one message, a satisfaction score for the conversation, or both.
 *
 * @param messageId the id of the rated message's SSE {@code message} event
 * @param rating    {@code up} or {@code down}
 * @param csat      1 to 5
 * @param comment   at most 1,000 characters
 */
public record FeedbackRequest(String messageId, String rating, Integer csat, String comment) {
}
