package dev.confab.dialog.repository;

import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.ConversationReview.Verdict;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Stores reviewers' verdicts on conversations. */
@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<ConversationReview, String> {

    /** One assistant's approved conversations after a conversation id, in id order: a page of fine-tuning data. */
    public Uni<List<ConversationReview>> approvedAfter(String tenantId, String assistantId, String after, int limit) {
        return find("tenantId = ?1 and assistantId = ?2 and verdict = ?3 and conversationId > ?4",
                Sort.ascending("conversationId"), tenantId, assistantId, Verdict.APPROVED, after)
                .page(0, limit)
                .list();
    }
}
