package dev.confab.dialog.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Remembers which events have been consumed, so a redelivered event is recognised and changes nothing. */
@ApplicationScoped
public class InboxRepository {

    /** Records the event as consumed; {@code false} when it had been consumed before. Call inside the transaction that applies it. */
    public Uni<Boolean> firstDelivery(UUID eventId) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("insert into processed_event (event_id, processed_at) values (:id, now()) "
                                + "on conflict do nothing")
                        .setParameter("id", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Forgets up to {@code batch} events consumed before {@code cutoff}: a redelivery comes within Kafka's retention,
     * not months later, and the table would otherwise grow with every event ever consumed.
     *
     * @return how many were forgotten
     */
    public Uni<Integer> forgetBefore(Instant cutoff, int batch) {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("delete from processed_event where event_id in (select event_id from "
                                + "processed_event where processed_at < :cutoff limit :batch)")
                        .setParameter("cutoff", cutoff)
                        .setParameter("batch", batch)
                        .executeUpdate());
    }
}
