package dev.confab.gateway.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.gateway.config.GatewayConfig;
import dev.confab.gateway.messaging.ReplyRouter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Publishes the events the gateway starts on its own, outside a user's turn (an agent's actions, a user's
 * feedback, a client's requests of its conversation): each is a turn of its own, named by its kind, and addressed
 * so that an answer comes back to this replica.
 */
@ApplicationScoped
public class OwnEvents {

    private final GatewayConfig config;
    private final EventPublisher publisher;
    private final ReplyRouter router;

    public OwnEvents(GatewayConfig config, EventPublisher publisher, ReplyRouter router) {
        this.config = config;
        this.publisher = publisher;
        this.router = router;
    }

    /** Completes once Kafka has the event. */
    public Uni<Void> publish(String tenant, String conversationId, String kind, EventPayload payload) {
        return publisher.publish(envelope(tenant, conversationId, kind, payload));
    }

    /** Publishes a request and completes with its one answer, failing after {@code gateway.answer-timeout}. */
    public Uni<Envelope> ask(String tenant, String conversationId, String kind, EventPayload payload) {
        Envelope request = envelope(tenant, conversationId, kind, payload);
        return router.ask(request.turnId(), publisher.publish(request))
                .ifNoItem().after(config.answerTimeout()).fail();
    }

    private Envelope envelope(String tenant, String conversationId, String kind, EventPayload payload) {
        return Envelope.first(tenant, config.defaultAssistant(), conversationId, kind + "-" + UUID.randomUUID(), null,
                        payload)
                .withReplyPartition(config.replyPartition().orElse(null));
    }
}
