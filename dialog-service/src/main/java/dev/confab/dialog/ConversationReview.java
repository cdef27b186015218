package dev.confab.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A person's verdict on one conversation, kept apart from the conversation's row so reviewing never races a turn
 * for its optimistic lock; deleted with the conversation when its user is forgotten.
 */
@Entity
@Table(name = "conversation_review")
public class ConversationReview {

    @Id
    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "assistant_id")
    public String assistantId;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    public String reviewer;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** Whether the conversation is an example of how the assistant should talk. */
    public enum Verdict {
        /** Good enough to fine-tune the model on. */
        APPROVED,
        /** Not an example to learn from (a test, abuse, a wrong answer); its utterances stay out of review sets. */
        REJECTED
    }
}
