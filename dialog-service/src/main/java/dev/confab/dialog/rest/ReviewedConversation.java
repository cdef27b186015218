package dev.confab.dialog.rest;

import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.TranscriptEntry;

import java.time.Instant;
import java.util.List;

/** An approved conversation with what was said in it, oldest first. */
public record ReviewedConversation(String conversationId, String reviewer, Instant reviewedAt,
                                   List<TranscriptLine> messages) {

    static ReviewedConversation of(ConversationReview review, List<TranscriptEntry> entries) {
        return new ReviewedConversation(review.conversationId, review.reviewer, review.reviewedAt, entries.stream()
                .map(TranscriptLine::of)
                .toList());
    }
}
