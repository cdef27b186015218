package dev.confab.dialog.service;

import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.TranscriptEntry;

import java.util.List;
import java.util.Map;

/**
 * A page of an assistant's approved conversations with their transcripts.
 *
 * @param system      who the assistant is, as generation tells the model: the system message of each example
 * @param reviews     the approvals, in conversation id order
 * @param transcripts each approved conversation's messages, in order, by conversation id
 */
public record ApprovedConversations(String system, List<ConversationReview> reviews,
                                    Map<String, List<TranscriptEntry>> transcripts) {
}
