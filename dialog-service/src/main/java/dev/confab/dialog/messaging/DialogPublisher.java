package dev.confab.dialog.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.util.List;
import java.util.Map;

/** Writes dialog's events, each to the topic of its type, keyed by conversation id. */
@ApplicationScoped
public class DialogPublisher {

    private final Map<String, MutinyEmitter<Envelope>> emittersByTopic;

    public DialogPublisher(@Channel(DialogChannels.RETRIEVAL_REQUESTS) MutinyEmitter<Envelope> retrievalRequests,
                           @Channel(DialogChannels.GENERATION_REQUESTS) MutinyEmitter<Envelope> generationRequests,
                           @Channel(DialogChannels.CONVERSATION_EVENTS) MutinyEmitter<Envelope> conversationEvents) {
        this.emittersByTopic = Map.of(
                Topics.RETRIEVAL_REQUESTS, retrievalRequests,
                Topics.GENERATION_REQUESTS, generationRequests,
                Topics.CONVERSATION_EVENTS, conversationEvents);
    }

    /** Sends the events in order; completes once Kafka has acknowledged all of them. */
    public Uni<Void> publish(List<Envelope> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> send(Envelope event) {
        String topic = EventType.fromWireName(event.type())
                .map(EventType::topic)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()));
        return emittersByTopic.get(topic).sendMessage(KafkaRecord.of(event.conversationId(), event));
    }
}
