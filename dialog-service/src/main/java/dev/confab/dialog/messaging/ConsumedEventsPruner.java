package dev.confab.dialog.messaging;

import dev.confab.dialog.config.DialogConfig;
import dev.confab.dialog.repository.InboxRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Keeps the inbox of consumed event ids bounded: ids older than {@code dialog.consumed-events-kept} are deleted in
 * batches, a batch per transaction, so no sweep holds locks for long however far behind it is.
 */
@ApplicationScoped
public class ConsumedEventsPruner {

    private static final int BATCH = 5000;

    private final InboxRepository inbox;
    private final DialogConfig config;
    private final MeterRegistry meters;

    public ConsumedEventsPruner(InboxRepository inbox, DialogConfig config, MeterRegistry meters) {
        this.inbox = inbox;
        this.config = config;
        this.meters = meters;
    }

    @Scheduled(every = "${dialog.consumed-events-prune-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return pruneOlderThan(Instant.now().minus(config.consumedEventsKept()))
                .onFailure().invoke(failure -> Log.warnf("Pruning consumed event ids failed; next run retries: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every id consumed before {@code cutoff}, batch after batch; completes with how many. */
    public Uni<Integer> pruneOlderThan(Instant cutoff) {
        return batch(cutoff)
                .chain(deleted -> deleted < BATCH
                        ? Uni.createFrom().item(deleted)
                        : pruneOlderThan(cutoff).map(more -> deleted + more));
    }

    @WithTransaction
    Uni<Integer> batch(Instant cutoff) {
        return inbox.forgetBefore(cutoff, BATCH)
                .invoke(deleted -> meters.counter("confab.dialog.consumed.events.pruned").increment(deleted));
    }
}
