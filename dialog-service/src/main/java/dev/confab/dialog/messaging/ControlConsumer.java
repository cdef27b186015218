package dev.confab.dialog.messaging;

import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.dialog.service.HistoryService;
import dev.confab.dialog.service.TurnService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What clients ask of their conversation besides talking: its history and its end ({@code chat.control}). */
@ApplicationScoped
public class ControlConsumer {

    private final TurnService turns;
    private final HistoryService history;
    private final OutboxRelay relay;

    public ControlConsumer(TurnService turns, HistoryService history, OutboxRelay relay) {
        this.turns = turns;
        this.history = history;
        this.relay = relay;
    }

    @Incoming(DialogChannels.CHAT_CONTROL)
    public Uni<Void> control(Envelope event) {
        EventLogContext.of(event);
        if (event != null && event.payload() instanceof HistoryRequested asked) {
            return TurnConsumer.run(() -> history.history(event, asked), relay);
        }
        if (event != null && event.payload() instanceof ConversationEndRequested) {
            return TurnConsumer.run(() -> turns.closed(event), relay);
        }
        return TurnConsumer.skip(event);
    }
}
