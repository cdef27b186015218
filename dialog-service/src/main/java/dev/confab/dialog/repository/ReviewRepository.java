package dev.confab.dialog.repository;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.dialog.ConversationReview.Verdict;
import dev.confab.dialog.ConversationReview;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

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

    /**
     * One assistant's conversations, most recently active first, with what a reviewer picks by; {@code verdict}
     * {@code null} means those nobody has reviewed yet.
     */
    public Uni<List<ReviewCandidate>> inbox(String tenantId, String assistantId, Verdict verdict, int limit) {
        String reviewed = verdict == null ? "r.verdict is null" : "r.verdict = :verdict";
        String inbox = "select new dev.confab.dialog.repository.ReviewCandidate(c.id, c.lastActivityAt, "
                + "(select count(e) from TranscriptEntry e where e.conversationId = c.id and e.speaker = :user), "
                + "(select min(e.confidence) from TranscriptEntry e where e.conversationId = c.id "
                + "and e.speaker = :user), r.verdict) "
                + "from Conversation c left join ConversationReview r on r.conversationId = c.id "
                + "where c.tenantId = :tenant and c.assistantId = :assistant and " + reviewed
                + " order by c.lastActivityAt desc";
        return getSession()
                .chain(session -> {
                    Mutiny.SelectionQuery<ReviewCandidate> query = session.createSelectionQuery(inbox,
                                    ReviewCandidate.class)
                            .setParameter("tenant", tenantId)
                            .setParameter("assistant", assistantId)
                            .setParameter("user", ChatTurn.Speaker.USER)
                            .setMaxResults(limit);
                    return (verdict == null ? query : query.setParameter("verdict", verdict)).getResultList();
                });
    }
}
