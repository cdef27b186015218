package dev.confab.gateway.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Publishes the events the gateway starts on its own, outside a user's turn (an agent's actions, a user's
 * feedback): each is a turn of its own, named by its kind.
 */
@ApplicationScoped
public class OwnEvents {

    private final GatewayConfig config;
    private final EventPublisher publisher;

    public OwnEvents(GatewayConfig config, EventPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    /** Completes once Kafka has the event. */
    public Uni<Void> publish(String tenant, String conversationId, String kind, EventPayload payload) {
        return publisher.publish(Envelope.first(tenant, config.defaultAssistant(), conversationId,
                kind + "-" + UUID.randomUUID(), null, payload));
    }
}
