package dev.confab.contracts.kafka;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for the event envelope. */
public class EnvelopeDeserializer implements Deserializer<Envelope> {

    @Override
    public Envelope deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data);
    }
}
