package dev.confab.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes envelopes as the contract's JSON, resolving the payload class from the {@code type} field. */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Fields added later within a schema version must not break older consumers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    public static byte[] write(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise event " + envelope.eventId(), e);
        }
    }

    public static JsonNode tree(Envelope envelope) {
        return MAPPER.valueToTree(envelope);
    }

    public static Envelope read(byte[] json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed event JSON", e);
        }
    }

    /** Reads an envelope; a type this build does not know yields a {@code null} payload rather than a failure. */
    public static Envelope fromTree(JsonNode tree) {
        try {
            ObjectNode envelope = ((ObjectNode) tree).deepCopy();
            JsonNode payload = envelope.remove("payload");
            Envelope withoutPayload = MAPPER.treeToValue(envelope, Envelope.class);
            EventPayload body = EventType.fromWireName(withoutPayload.type())
                    .map(type -> convert(payload, type))
                    .orElse(null);
            return withoutPayload.withPayload(body);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("Not an event envelope: " + e.getMessage(), e);
        }
    }

    private static EventPayload convert(JsonNode payload, EventType type) {
        try {
            return MAPPER.treeToValue(payload, type.payloadClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid " + type.wireName() + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
