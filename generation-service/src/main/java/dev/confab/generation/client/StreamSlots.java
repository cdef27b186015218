package dev.confab.generation.client;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A bulkhead for streams: at most {@code parallelism} sidecar streams at once, from request to last token, and at
 * most {@code queue} waiting for a slot. SmallRye Fault Tolerance's bulkhead frees its slot when the guarded
 * {@code Uni} completes, which for a stream is its first token, so it would let every answer's tail pile onto the
 * sidecar; this one frees the slot when the stream ends.
 */
final class StreamSlots {

    private final int parallelism;
    private final int queue;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inUse;

    StreamSlots(int parallelism, int queue, MeterRegistry registry) {
        this.parallelism = parallelism;
        this.queue = queue;
        Gauge.builder("confab.generation.sidecar.streams", this, StreamSlots::inUse)
                .description("Sidecar streams in progress")
                .register(registry);
        Gauge.builder("confab.generation.sidecar.waiting", this, StreamSlots::queued)
                .description("Answers waiting for a free sidecar slot")
                .register(registry);
    }

    /** A slot once one is free; fails with {@link BulkheadException} when the queue is full or the wait too long. */
    Uni<Slot> acquire(Duration maxWait) {
        return Uni.createFrom().<Slot>emitter(this::enqueue)
                .ifNoItem().after(maxWait)
                .failWith(() -> new BulkheadException("No free sidecar slot within " + maxWait));
    }

    private synchronized void enqueue(UniEmitter<? super Slot> emitter) {
        if (inUse < parallelism) {
            inUse++;
            emitter.complete(new Slot(this));
            return;
        }
        if (waiting.size() >= queue) {
            emitter.fail(new BulkheadException("Sidecar busy: " + inUse + " streams, " + waiting.size() + " waiting"));
            return;
        }
        Waiter waiter = new Waiter(emitter);
        waiting.add(waiter);
        emitter.onTermination(() -> forget(waiter));
    }

    private void forget(Waiter waiter) {
        waiter.gone = true;
        synchronized (this) {
            waiting.remove(waiter);
        }
    }

    /** Hands the slot to the longest waiter still waiting (one that gave up may not have left the queue yet). */
    private synchronized void release() {
        Waiter next = waiting.poll();
        while (next != null && next.gone) {
            next = waiting.poll();
        }
        if (next == null) {
            inUse--;
        } else {
            next.emitter.complete(new Slot(this));
        }
    }

    private synchronized int inUse() {
        return inUse;
    }

    private synchronized int queued() {
        return waiting.size();
    }

    /** A caller waiting for a slot; {@code gone} once it stopped waiting (its wait timed out or was cancelled). */
    private static final class Waiter {

        private final UniEmitter<? super Slot> emitter;
        private volatile boolean gone;

        private Waiter(UniEmitter<? super Slot> emitter) {
            this.emitter = emitter;
        }
    }

    /** One held slot; releasing it twice is harmless. */
    static final class Slot {

        private final StreamSlots slots;
        private boolean released;

        private Slot(StreamSlots slots) {
            this.slots = slots;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
