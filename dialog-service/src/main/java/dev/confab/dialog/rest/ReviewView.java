package dev.confab.dialog.rest;

import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.ConversationReview.Verdict;

import java.time.Instant;

/** A conversation's review as the API shows it. */
public record ReviewView(String conversationId, Verdict verdict, String reviewer, Instant reviewedAt) {

    static ReviewView of(ConversationReview review) {
        return new ReviewView(review.conversationId, review.verdict, review.reviewer, review.reviewedAt);
    }
}
