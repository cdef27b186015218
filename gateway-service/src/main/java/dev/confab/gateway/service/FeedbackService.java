package dev.confab.gateway.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FeedbackGiven;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Publishes users' feedback on {@code conversation.events}, where analytics and the assistant's designers read it. */
@ApplicationScoped
public class FeedbackService {

    private final GatewayConfig config;
    private final EventPublisher publisher;

    public FeedbackService(GatewayConfig config, EventPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    /** Completes once Kafka has the event. */
    public Uni<Void> give(String tenant, String conversationId, FeedbackGiven feedback) {
        return publisher.publish(Envelope.first(tenant, config.defaultAssistant(), conversationId,
                "feedback-" + UUID.randomUUID(), null, feedback));
    }
}
