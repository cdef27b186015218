package dev.confab.contracts.kafka;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for the event envelope. */
public class EnvelopeSerializer implements Serializer<Envelope> {

    @Override
    public byte[] serialize(String topic, Envelope envelope) {
        return envelope == null ? null : EventJson.write(envelope);
    }
}
