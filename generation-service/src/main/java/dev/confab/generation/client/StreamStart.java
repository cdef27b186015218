package dev.confab.generation.client;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits a stream at its first item: a {@link Uni} that completes when the first item arrives, with the whole
 * stream (that item included) to read on. Timeouts, retries and the circuit breaker guard the Uni, so they act
 * only until the model has started to answer; after that a failure cannot be retried without the user noticing.
 */
final class StreamStart {

    private StreamStart() {
    }

    static <T> Uni<Multi<T>> awaitFirst(Multi<T> source) {
        return Uni.createFrom().emitter(started -> {
            UnicastProcessor<T> stream = UnicastProcessor.create();
            AtomicBoolean waiting = new AtomicBoolean(true);
            AtomicReference<Cancellable> upstream = new AtomicReference<>();
            Multi<T> readOn = stream.onCancellation().invoke(() -> upstream.get().cancel());
            upstream.set(source.subscribe().with(
                    item -> {
                        stream.onNext(item);
                        if (waiting.compareAndSet(true, false)) {
                            started.complete(readOn);
                        }
                    },
                    failure -> {
                        if (waiting.compareAndSet(true, false)) {
                            started.fail(failure);
                        } else {
                            stream.onError(failure);
                        }
                    },
                    () -> {
                        stream.onComplete();
                        if (waiting.compareAndSet(true, false)) {
                            started.complete(readOn);
                        }
                    }));
            // Cancelled before the first item (a first-token timeout): the sidecar request goes too.
            started.onTermination(() -> {
                if (waiting.compareAndSet(true, false)) {
                    upstream.get().cancel();
                }
            });
        });
    }
}
