package dev.confab.dialog.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.contracts.metrics.TurnStage;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.service.TurnService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.StaleStateException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Feeds the events of a turn to {@link TurnService} and publishes what it decides, once it has committed. */
@ApplicationScoped
public class TurnConsumer {

    private final TurnService turns;
    private final OutboxRelay relay;
    private final Timer stage;

    public TurnConsumer(TurnService turns, OutboxRelay relay, MeterRegistry meters) {
        this.turns = turns;
        this.relay = relay;
        this.stage = TurnStage.timer(meters, "dialog");
    }

    @Incoming(DialogChannels.CHAT_UNDERSTOOD)
    public Uni<Void> understood(Envelope event) {
        EventLogContext.of(event);
        if (event == null || !(event.payload() instanceof MessageUnderstood understood)) {
            return skip(event);
        }
        return run(() -> turns.userSpoke(event, understood));
    }

    @Incoming(DialogChannels.RETRIEVAL_RESULTS)
    public Uni<Void> retrieved(Envelope event) {
        EventLogContext.of(event);
        if (event == null || !(event.payload() instanceof RetrievalPerformed result)) {
            return skip(event);
        }
        return run(() -> turns.knowledgeFound(event, result));
    }

    @Incoming(DialogChannels.GENERATION_RESULTS)
    public Uni<Void> generated(Envelope event) {
        EventLogContext.of(event);
        if (event == null || !(event.payload() instanceof GenerationCompleted answer)) {
            return skip(event);
        }
        return run(() -> turns.botAnswered(event, answer));
    }

    /**
     * Runs a transaction and publishes its events. Events of one conversation arrive on several topics, so two
     * transactions can race for it; the optimistic lock fails the loser, which runs again on the new state.
     */
    static Uni<Void> run(Supplier<Uni<List<OutboxEvent>>> transaction, OutboxRelay relay) {
        return Uni.createFrom().deferred(transaction::get)
                .onFailure(TurnConsumer::isConflict).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500)).atMost(5)
                .chain(relay::publish);
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof StaleStateException || failure instanceof OptimisticLockException;
    }

    /** A step of a turn, timed from taking its event to Kafka having what dialog decided. */
    private Uni<Void> run(Supplier<Uni<List<OutboxEvent>>> transaction) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start();
            return run(transaction, relay)
                    .onTermination().invoke(() -> sample.stop(stage));
        });
    }

    static Uni<Void> skip(Envelope event) {
        Log.warnf("Skipping an event dialog does not handle here: %s", event == null ? "unreadable" : event.type());
        return Uni.createFrom().voidItem();
    }
}
