package dev.confab.dialog.repository;

import dev.confab.dialog.ConversationReview.Verdict;

import java.time.Instant;

/**
 * A conversation in the review inbox.
 *
 * @param userMessages     how many messages the user wrote
 * @param lowestConfidence the NLU's least confident reading of them, {@code null} when none was read with an intent
 * @param verdict          the review's, {@code null} while unreviewed
 */
public record ReviewCandidate(String conversationId, Instant lastActivityAt, long userMessages,
                              Double lowestConfidence, Verdict verdict) {
}
