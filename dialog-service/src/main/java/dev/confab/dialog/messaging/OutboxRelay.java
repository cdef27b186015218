package dev.confab.dialog.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.TurnInterpreted;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.config.DialogConfig;
import dev.confab.dialog.repository.OutboxRepository;
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

    public OutboxRelay(EventPublisher publisher, OutboxRepository outbox, DialogConfig config, MeterRegistry meters) {
        this.publisher = publisher;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** Publishes the events in order, then deletes their rows. */
    public Uni<Void> publish(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Envelope> events = rows.stream().map(OutboxEvent::envelope).toList();
        return publisher.publishAll(events)
                .invoke(() -> events.forEach(this::count))
                .chain(() -> delete(rows));
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
        return outbox.claimLeftovers(now.minus(config.outboxRelayAfter()), now.minus(config.rephraseHold()),
                        SWEEP_BATCH)
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Envelope> events = rows.stream().map(OutboxEvent::envelope).toList();
                    return publisher.publishAll(events)
                            .invoke(() -> events.forEach(this::count))
                            .chain(() -> outbox.deleteAll(rows.stream().map(row -> row.id).toList()))
                            .replaceWith(rows.size());
                });
    }

    @WithTransaction
    Uni<Void> delete(List<OutboxEvent> rows) {
        return outbox.deleteAll(rows.stream().map(row -> row.id).toList()).replaceWithVoid();
    }
}
