package dev.confab.gateway.service;

import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.HandoffEnded;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The agent desk's side of a human handoff: taking a conversation, writing to the user, and giving it back to the
 * bot, each as an event on {@code conversation.handoffs} that dialog acts on.
 */
@ApplicationScoped
public class AgentService {

    private final GatewayConfig config;
    private final EventPublisher publisher;

    public AgentService(GatewayConfig config, EventPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    public Uni<Void> accept(String tenant, String conversationId, String agentId) {
        return publish(tenant, conversationId, new HandoffAccepted(agentId));
    }

    public Uni<Void> write(String tenant, String conversationId, String agentId, String text) {
        return publish(tenant, conversationId, new AgentMessage(agentId, text));
    }

    public Uni<Void> release(String tenant, String conversationId, String agentId) {
        return publish(tenant, conversationId, new HandoffEnded(agentId));
    }

    private Uni<Void> publish(String tenant, String conversationId, EventPayload payload) {
        return publisher.publish(Envelope.first(tenant, config.defaultAssistant(), conversationId,
                "agent-" + UUID.randomUUID(), null, payload));
    }
}
