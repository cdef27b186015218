package dev.confab.contracts.kafka;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Publishes events to the topic their type belongs to, keyed by conversation id, through one Kafka channel;
 * so no service maps event types to topics on its own.
 */
@ApplicationScoped
public class EventPublisher {

    /** The outgoing channel every service publishes on; the topic is chosen per record. */
    public static final String CHANNEL = "confab-events";

    private final MutinyEmitter<Envelope> emitter;
    private final String source;

    public EventPublisher(@Channel(CHANNEL) MutinyEmitter<Envelope> emitter,
                          @ConfigProperty(name = "quarkus.application.name") String source) {
        this.emitter = emitter;
        this.source = source;
    }

    /**
     * Completes once Kafka has acknowledged the event. A reply goes to the partition of the gateway replica that
     * holds the client's stream when the turn names one; everything else to the conversation id's partition.
     */
    public Uni<Void> publish(Envelope event) {
        return emitter.sendMessage(routed(event));
    }

    /**
     * Publishes an event that answers a consumed message and acknowledges that message once Kafka has the answer
     * (or sends it to the consumer's failure strategy when Kafka refuses it), without waiting: a processor can take
     * its next message while this one's answer is in flight. Answers leave in the order they were given (the producer
     * is idempotent), and a crash before the acknowledgement redelivers the message: at least once, never lost.
     */
    public void publishThenAck(Envelope event, Message<?> cause) {
        emitter.sendMessageAndForget(routed(event)
                .withAck(cause::ack)
                .withNack(cause::nack));
    }

    private Message<Envelope> routed(Envelope event) {
        String topic = EventType.fromWireName(event.type())
                .map(EventType::topic)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> routing =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(event.conversationId())
                        .withHeaders(CloudEventHeaders.of(event, source));
        if (Topics.CHAT_OUTBOUND.equals(topic) && event.replyPartition() != null) {
            routing.withPartition(event.replyPartition());
        }
        return Message.of(event).addMetadata(routing.build());
    }

    /**
     * Sends the events in order; completes once Kafka has acknowledged all of them. Each is sent without waiting for
     * the previous one's acknowledgement: the producer keeps their order per partition (it is idempotent), and
     * waiting made a turn's eight or so events cost eight round trips.
     */
    public Uni<Void> publishAll(List<Envelope> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndMerge(this::publish)
                .collect().last()
                .replaceWithVoid();
    }
}
