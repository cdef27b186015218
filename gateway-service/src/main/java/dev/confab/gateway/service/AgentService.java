package dev.confab.gateway.service;

import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.HandoffEnded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The agent desk's side of a human handoff: taking a conversation, writing to the user, and giving it back to the
 * bot, each as an event on {@code conversation.handoffs} that dialog acts on.
 */
@ApplicationScoped
public class AgentService {

    private final OwnEvents events;

    public AgentService(OwnEvents events) {
        this.events = events;
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
        return events.publish(tenant, conversationId, "agent", payload);
    }
}
