package dev.confab.dialog.repository;

import dev.confab.dialog.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stores events until Kafka has acknowledged them. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * Events older than {@code before}, oldest first: those whose publication after commit did not happen. Held
     * events count once older than {@code heldBefore}: a rephrasing that never came must not hold the turn forever.
     * The rows are locked for the caller's transaction and rows another replica's sweep holds are skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so several dialog replicas sweep side by side without publishing an event
     * twice or waiting on each other.
     */
    public Uni<List<OutboxEvent>> claimLeftovers(Instant before, Instant heldBefore, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select * from outbox_event where created_at < :before "
                                + "and (held_by is null or created_at < :heldBefore) order by id limit :limit "
                                + "for update skip locked", OutboxEvent.class)
                        .setParameter("before", before)
                        .setParameter("heldBefore", heldBefore)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Lets the events held for one rephrase request go, oldest first; the caller publishes them. */
    public Uni<List<OutboxEvent>> release(UUID request) {
        return find("heldBy", Sort.ascending("id"), request)
                .list()
                .invoke(rows -> rows.forEach(row -> row.heldBy = null));
    }

    /** Lets every held event of a conversation go, oldest first: the user wrote again before a rephrasing came. */
    public Uni<List<OutboxEvent>> releaseAll(String conversationId) {
        return find("conversationId = ?1 and heldBy is not null", Sort.ascending("id"), conversationId)
                .list()
                .invoke(rows -> rows.forEach(row -> row.heldBy = null));
    }

    public Uni<Long> deleteAll(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0L) : delete("id in ?1", ids);
    }
}
