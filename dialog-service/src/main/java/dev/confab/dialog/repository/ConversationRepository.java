package dev.confab.dialog.repository;

import dev.confab.contracts.security.Caller;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.Conversation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Stores conversations. */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {

    /**
     * The tenant a conversation id belongs to, or {@code null} while it is free. Row-level security hides other
     * tenants' conversations, yet their ids are taken, so this one lookup runs across tenants; the transaction then
     * returns to {@code tenant}'s rows.
     */
    public Uni<String> ownerOf(String id, String tenant) {
        return TenantScope.enter(Caller.PLATFORM)
                .chain(() -> getSession())
                .chain(session -> session
                        .createNativeQuery("select tenant_id from conversation where id = :id", String.class)
                        .setParameter("id", id)
                        .getSingleResultOrNull())
                .call(() -> TenantScope.enter(tenant));
    }

    /** The ids of a user's conversations with one tenant's assistants. */
    public Uni<List<String>> idsOf(String tenantId, String userId) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select c.id from Conversation c where c.tenantId = :tenant and c.userId = :user "
                                        + "order by c.startedAt", String.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("user", userId)
                        .getResultList());
    }

    /** Deletes conversations with their transcripts and unpublished events. */
    public Uni<Void> deleteWithTranscripts(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession()
                .chain(session -> session.createMutationQuery("delete from TranscriptEntry where conversationId in :ids")
                        .setParameter("ids", ids)
                        .executeUpdate()
                        .chain(() -> session.createMutationQuery("delete from OutboxEvent where conversationId in :ids")
                                .setParameter("ids", ids)
                                .executeUpdate())
                        .chain(() -> session.createMutationQuery("delete from Conversation where id in :ids")
                                .setParameter("ids", ids)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Conversations whose users have been quiet past their assistant's timeout, longest expired first. */
    public Uni<List<Conversation>> expiredBy(Instant now, int limit) {
        return find("expiresAt < ?1", Sort.ascending("expiresAt"), now)
                .page(0, limit)
                .list();
    }
}
