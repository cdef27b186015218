package dev.confab.generation.client;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream bulkhead holds a slot until the stream ends, queues a few callers and refuses the rest at once. */
class StreamSlotsTest {

    private final StreamSlots slots = new StreamSlots(2, 1, new SimpleMeterRegistry());

    @Test
    void aQueuedCallerGetsTheSlotAStreamReleasesAndCallersBeyondTheQueueAreRefused() {
        StreamSlots.Slot first = acquire().awaitItem().getItem();
        acquire().awaitItem();
        UniAssertSubscriber<StreamSlots.Slot> queued = acquire();
        UniAssertSubscriber<StreamSlots.Slot> refused = acquire();

        refused.assertFailedWith(BulkheadException.class);
        queued.assertNotTerminated();

        first.release();
        first.release();
        queued.awaitItem();
        acquire().assertNotTerminated();
        assertThat(acquire().getFailure()).isInstanceOf(BulkheadException.class);
    }

    @Test
    void aCallerThatWaitsTooLongGivesUpAndLeavesTheQueue() {
        acquire().awaitItem();
        acquire().awaitItem();
        UniAssertSubscriber<StreamSlots.Slot> impatient = slots.acquire(Duration.ofMillis(50))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        impatient.awaitFailure().assertFailedWith(BulkheadException.class);
        acquire().assertNotTerminated();
    }

    private UniAssertSubscriber<StreamSlots.Slot> acquire() {
        return slots.acquire(Duration.ofMinutes(1)).subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
