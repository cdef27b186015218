package dev.confab.gateway.messaging;

import dev.confab.contracts.event.Envelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Writes accepted user messages to {@code chat.inbound}, keyed by conversation id. */
@ApplicationScoped
public class InboundPublisher {

    private final MutinyEmitter<Envelope> emitter;

    public InboundPublisher(@Channel(Channels.CHAT_INBOUND) MutinyEmitter<Envelope> emitter) {
        this.emitter = emitter;
    }

    /** Completes once Kafka has acknowledged the event. */
    public Uni<Void> publish(Envelope event) {
        return emitter.sendMessage(KafkaRecord.of(event.conversationId(), event));
    }
}
