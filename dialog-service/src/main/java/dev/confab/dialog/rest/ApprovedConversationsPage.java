package dev.confab.dialog.rest;

import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.service.ApprovedConversations;

import java.util.List;

/**
 * A page of approved conversations, the raw material of a fine-tuning dataset.
 *
 * @param system who the assistant is, as its bundle's persona tells the model
 * @param next   the {@code after} of the next page, or {@code null} on the last
 */
public record ApprovedConversationsPage(String system, List<ReviewedConversation> conversations, String next) {

    static ApprovedConversationsPage of(ApprovedConversations approved, int limit) {
        List<ConversationReview> reviews = approved.reviews();
        return new ApprovedConversationsPage(approved.system(), reviews.stream()
                .map(review -> ReviewedConversation.of(review,
                        approved.transcripts().getOrDefault(review.conversationId, List.of())))
                .toList(),
                reviews.size() < limit ? null : reviews.get(reviews.size() - 1).conversationId);
    }
}
