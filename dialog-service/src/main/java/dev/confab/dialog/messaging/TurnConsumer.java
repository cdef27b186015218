package dev.confab.dialog.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.dialog.service.TurnService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds the events of a turn to {@link TurnService} and publishes what it decides, once it has committed. */
@ApplicationScoped
public class TurnConsumer {

    private final TurnService turns;
    private final EventPublisher publisher;

    public TurnConsumer(TurnService turns, EventPublisher publisher) {
        this.turns = turns;
        this.publisher = publisher;
    }

    @Incoming(DialogChannels.CHAT_UNDERSTOOD)
    public Uni<Void> understood(Envelope event) {
        if (event == null || !(event.payload() instanceof MessageUnderstood understood)) {
            return skip(event);
        }
        return turns.userSpoke(event, understood)
                .chain(publisher::publishAll);
    }

    @Incoming(DialogChannels.RETRIEVAL_RESULTS)
    public Uni<Void> retrieved(Envelope event) {
        if (event == null || !(event.payload() instanceof RetrievalPerformed result)) {
            return skip(event);
        }
        return turns.knowledgeFound(event, result)
                .chain(publisher::publishAll);
    }

    @Incoming(DialogChannels.GENERATION_RESULTS)
    public Uni<Void> generated(Envelope event) {
        if (event == null || !(event.payload() instanceof GenerationCompleted answer)) {
            return skip(event);
        }
        return turns.botAnswered(event, answer)
                .chain(publisher::publishAll);
    }

    private static Uni<Void> skip(Envelope event) {
        Log.warnf("Skipping an event dialog does not handle here: %s", event == null ? "unreadable" : event.type());
        return Uni.createFrom().voidItem();
    }
}
