package dev.confab.gateway.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.StreamPosition;
import dev.confab.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Hands each reply event from {@code chat.outbound} to the open stream of its turn and to the conversation's
 * followers (of the same tenant), or an answer to the request awaiting it. With several replicas each reads only its
 * own partition, so replies without a stream here (counted) mean a turn whose client left, or a misrouted reply.
 */
@ApplicationScoped
public class ReplyRouter {

    private final Map<String, MultiEmitter<? super StreamEvent>> openTurns = new ConcurrentHashMap<>();
    private final Map<String, Set<Follower>> followers = new ConcurrentHashMap<>();
    private final Map<String, UniEmitter<? super Envelope>> answers = new ConcurrentHashMap<>();
    private final Counter routed;
    private final Counter unrouted;
    private final Counter overflowed;
    private final Timer relay;
    private final int maxPendingEvents;

    public ReplyRouter(MeterRegistry registry, GatewayConfig config) {
        this.maxPendingEvents = config.maxPendingEvents();
        this.overflowed = registry.counter("confab.gateway.streams.overflowed");
        registry.gaugeMapSize("confab.gateway.open.turns", List.of(), openTurns);
        registry.gaugeMapSize("confab.gateway.followed.conversations", List.of(), followers);
        this.routed = registry.counter("confab.gateway.replies", "stream", "open");
        this.unrouted = registry.counter("confab.gateway.replies", "stream", "none");
        this.relay = Timer.builder("confab.gateway.relay")
                .description("From a reply's write to Kafka (its record timestamp) to its hand-over to the turn's SSE "
                        + "stream: the Kafka hop plus the gateway's own work")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /**
     * The reply stream of one turn, ending after its {@code done} event. {@code request} (publishing the user
     * message) is subscribed only once the turn is registered, so no reply can arrive before its stream exists.
     */
    public Multi<StreamEvent> replies(String turnId, Uni<Void> request) {
        return bounded(Multi.createFrom().emitter(emitter -> {
            // A retry of the turn (same idempotency key) takes its replies over; the first stream leaving then
            // must not unregister the retry.
            openTurns.put(turnId, emitter);
            emitter.onTermination(() -> openTurns.remove(turnId, emitter));
            request.subscribe().with(sent -> Log.debugf("Turn %s published", turnId), emitter::fail);
        }));
    }

    /**
     * A stream's events wait for a slow client in a buffer of {@code gateway.max-pending-events}; past it the stream
     * ends (counted) rather than holding the gateway's memory hostage, and the client resumes with Last-Event-ID
     * from what it had read, since every event it missed is still in {@code chat.outbound}.
     */
    private Multi<StreamEvent> bounded(Multi<StreamEvent> stream) {
        return stream.onOverflow().buffer(maxPendingEvents)
                .onFailure(BackPressureFailure.class).invoke(overflow -> overflowed.increment());
    }

    /**
     * Every reply of a conversation that reaches this replica, whatever its turn (an agent's messages, the bot
     * taking over), until the client goes away; only the tenant that owns a reply sees it. {@code missed} (replies
     * read back for a resuming client) comes first; the follower is registered before it starts, so nothing falls
     * between the two, and nothing is sent twice.
     */
    public Multi<StreamEvent> follow(String tenant, String conversationId, Multi<StreamEvent> missed) {
        return bounded(Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(tenant, emitter);
            followers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(follower);
            Cancellable catchUp = missed.subscribe().with(follower::missed, emitter::fail, follower::caughtUp);
            emitter.onTermination(() -> {
                catchUp.cancel();
                followers.computeIfPresent(conversationId, (id, following) -> {
                    following.remove(follower);
                    return following.isEmpty() ? null : following;
                });
            });
        }));
    }

    /**
     * The one reply to a request of the client's that is not a turn (its history): {@code request} is subscribed
     * once the answer is awaited.
     */
    public Uni<Envelope> ask(String turnId, Uni<Void> request) {
        return Uni.createFrom().<Envelope>emitter(emitter -> {
                    answers.put(turnId, emitter);
                    request.subscribe().with(sent -> Log.debugf("Request %s published", turnId), emitter::fail);
                })
                .onTermination().invoke(() -> answers.remove(turnId));
    }

    @Incoming(Channels.CHAT_OUTBOUND)
    public void route(ConsumerRecord<String, Envelope> record) {
        Envelope reply = record.value();
        if (reply == null) {
            return;
        }
        UniEmitter<? super Envelope> answer = answers.remove(reply.turnId());
        if (answer != null) {
            routed.increment();
            answer.complete(reply);
            return;
        }
        Optional<StreamEvent> event = StreamEvent.from(reply, new StreamPosition(record.partition(), record.offset()));
        MultiEmitter<? super StreamEvent> stream = openTurns.get(reply.turnId());
        Set<Follower> following = followers.getOrDefault(reply.conversationId(), Set.of());
        if (stream == null && following.isEmpty()) {
            unrouted.increment();
            Log.debugf("No open stream for turn %s; dropping %s", reply.turnId(), reply.type());
            return;
        }
        routed.increment();
        event.ifPresent(shown -> {
            following.stream()
                    .filter(follower -> follower.tenant().equals(reply.tenantId()))
                    .forEach(follower -> follower.live(shown));
            if (stream != null) {
                stream.emit(shown);
                relay.record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
                if (shown.isDone()) {
                    stream.complete();
                }
            }
        });
    }
}
