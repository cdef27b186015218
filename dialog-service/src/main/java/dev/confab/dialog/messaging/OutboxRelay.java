package dev.confab.dialog.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.TurnInterpreted;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.security.Caller;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.config.DialogConfig;
import dev.confab.dialog.repository.OutboxRepository;
import dev.confab.dialog.service.PublicEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Publishes outbox events: right after the transaction that wrote them commits, and again from a periodic sweep for
 * any a crash or a Kafka outage left behind. A row is deleted only once Kafka has acknowledged its event, so an event
 * may be published twice but never lost; consumers dedupe on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int SWEEP_BATCH = 200;

    private final EventPublisher publisher;
    private final OutboxRepository outbox;
    private final DialogConfig config;
    private final MeterRegistry meters;
    private final PublicEvents publicEvents;

    public OutboxRelay(EventPublisher publisher, OutboxRepository outbox, DialogConfig config, MeterRegistry meters,
                       PublicEvents publicEvents) {
        this.publisher = publisher;
        this.publicEvents = publicEvents;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** Publishes the events in order, then deletes their rows. */
    public Uni<Void> publish(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Envelope> events = visible(rows);
        return publisher.publishAll(events)
                .invoke(() -> events.forEach(this::count))
                .chain(() -> delete(rows));
    }

    /** The rows' events as they may leave dialog: the public stream's with personal data hidden. */
    private List<Envelope> visible(List<OutboxEvent> rows) {
        return rows.stream()
                .map(OutboxEvent::envelope)
                .map(publicEvents::visible)
                .toList();
    }

    /** What dialog says, by event type: handoffs, conversations ended, fallbacks asked of generation. */
    private void count(Envelope event) {
        meters.counter("confab.dialog.events", "type", event.type()).increment();
        if (event.payload() instanceof TurnInterpreted read) {
            meters.counter("confab.dialog.slm.commands", "understood_by", read.understoodBy(),
                    "command", read.command() == null ? "none" : read.command()).increment();
        }
    }

    @Scheduled(every = "${dialog.outbox-relay-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return relayLeftovers()
                .invoke(relayed -> {
                    if (relayed > 0) {
                        Log.infof("Published %d outbox event(s) left from before", relayed);
                        meters.counter("confab.dialog.outbox.relayed").increment(relayed);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Outbox sweep failed; next sweep retries: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Claims a batch of leftovers, publishes them and deletes their rows in one transaction, so the rows stay locked
     * (and skipped by other replicas' sweeps) until Kafka has them.
     */
    @WithTransaction
    Uni<Integer> relayLeftovers() {
        Instant now = Instant.now();
        // The relay is the platform's, not a tenant's: it publishes every tenant's leftovers.
        return TenantScope.enter(Caller.PLATFORM)
                .chain(() -> outbox.claimLeftovers(now.minus(config.outboxRelayAfter()),
                        now.minus(config.rephraseHold()), SWEEP_BATCH))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Envelope> events = visible(rows);
                    return publisher.publishAll(events)
                            .invoke(() -> events.forEach(this::count))
                            .chain(() -> outbox.deleteAll(rows.stream().map(row -> row.id).toList()))
                            .replaceWith(rows.size());
                });
    }

    @WithTransaction
    Uni<Void> delete(List<OutboxEvent> rows) {
        return TenantScope.enter(Caller.PLATFORM)
                .chain(() -> outbox.deleteAll(rows.stream().map(row -> row.id).toList()))
                .replaceWithVoid();
    }
}
