package dev.confab.gateway.messaging;

import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.StreamPosition;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.ArrayList;
import java.util.List;

/**
 * A client following a conversation, as one of its tenant, that may first be catching up on replies it missed: live
 * replies wait until the catch-up is over, and none it already got from the catch-up is sent twice.
 */
final class Follower {

    private final String tenant;
    private final MultiEmitter<? super StreamEvent> stream;
    private List<StreamEvent> waiting = new ArrayList<>();
    private StreamPosition caughtUpTo;

    Follower(String tenant, MultiEmitter<? super StreamEvent> stream) {
        this.tenant = tenant;
        this.stream = stream;
    }

    String tenant() {
        return tenant;
    }

    /** A missed reply, read back from the topic. */
    synchronized void missed(StreamEvent event) {
        stream.emit(event);
        if (event.position() != null) {
            caughtUpTo = event.position();
        }
    }

    /** A reply as it happens. */
    synchronized void live(StreamEvent event) {
        if (waiting != null) {
            waiting.add(event);
        } else if (isNew(event)) {
            stream.emit(event);
        }
    }

    /** The catch-up is over: live replies that came meanwhile go out, then each as it comes. */
    synchronized void caughtUp() {
        waiting.stream()
                .filter(this::isNew)
                .forEach(stream::emit);
        waiting = null;
    }

    // The live consumer may lag behind the catch-up's own reader on the same partition, so this stays on for good.
    private boolean isNew(StreamEvent event) {
        return caughtUpTo == null || event.position() == null || !caughtUpTo.covers(event.position());
    }
}
