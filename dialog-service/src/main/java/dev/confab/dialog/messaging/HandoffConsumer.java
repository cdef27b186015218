package dev.confab.dialog.messaging;

import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.HandoffEnded;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.dialog.service.TurnService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The agent side of a handoff: an agent's messages reach the user, and when the agent hands the conversation back
 * the bot resumes; the user's client hears when an agent takes it. dialog's own {@code handoff.requested} shares the
 * topic and changes nothing here.
 */
@ApplicationScoped
public class HandoffConsumer {

    private final TurnService turns;
    private final OutboxRelay relay;

    public HandoffConsumer(TurnService turns, OutboxRelay relay) {
        this.turns = turns;
        this.relay = relay;
    }

    @Incoming(DialogChannels.HANDOFFS)
    public Uni<Void> handoff(Envelope event) {
        EventLogContext.of(event);
        if (event != null && event.payload() instanceof AgentMessage message) {
            return TurnConsumer.run(() -> turns.agentSpoke(event, message), relay);
        }
        if (event != null && event.payload() instanceof HandoffAccepted accepted) {
            return TurnConsumer.run(() -> turns.agentAccepted(event, accepted), relay);
        }
        if (event != null && event.payload() instanceof HandoffEnded) {
            return TurnConsumer.run(() -> turns.agentReturned(event), relay);
        }
        return Uni.createFrom().voidItem();
    }
}
