package dev.confab.dialog.repository;

import dev.confab.dialog.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Stores events until Kafka has acknowledged them. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** Events older than {@code before}, oldest first: those whose publication after commit did not happen. */
    public Uni<List<OutboxEvent>> leftovers(Instant before, int limit) {
        return find("createdAt < ?1", Sort.ascending("id"), before)
                .page(0, limit)
                .list();
    }

    public Uni<Long> deleteAll(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0L) : delete("id in ?1", ids);
    }
}
