package dev.confab.gateway.service;

import dev.confab.gateway.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

import java.time.Duration;

/**
 * Adds a heartbeat to a reply stream every so often while it is open, so proxies and load balancers that close
 * silent connections keep it while the model thinks or an action runs. Heartbeats do not count as replies: they are
 * added after the stream's own idle timeout.
 */
final class Heartbeats {

    private Heartbeats() {
    }

    static Multi<StreamEvent> around(Multi<StreamEvent> events, Duration every) {
        return Multi.createFrom().emitter(emitter -> {
            Cancellable ticks = Multi.createFrom().ticks().startingAfter(every).every(every)
                    .subscribe().with(tick -> emitter.emit(StreamEvent.heartbeat()));
            Cancellable replies = events.subscribe().with(
                    emitter::emit,
                    failure -> {
                        ticks.cancel();
                        emitter.fail(failure);
                    },
                    () -> {
                        ticks.cancel();
                        emitter.complete();
                    });
            // A client that goes away cancels the replies too, and with them the turn's generation.
            emitter.onTermination(() -> {
                ticks.cancel();
                replies.cancel();
            });
        });
    }
}
