package dev.confab.contracts.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one envelope every event travels in, on every topic.
 *
 * @param eventId          unique per event; consumers dedupe on it (delivery is at least once)
 * @param type             wire name of the payload's {@link EventType}
 * @param schemaVersion    version of that type's schema; only additive changes within a version
 * @param occurredAt       when the producer created the event
 * @param tenantId         the tenant that owns the conversation
 * @param assistantId      the assistant that handles the conversation
 * @param assistantVersion the assistant bundle version, once dialog has chosen one
 * @param conversationId   the Kafka key of every topic
 * @param turnId           the user turn this event belongs to
 * @param causationId      the event this one follows from (a {@code generation.completed} names its request), or
 *                         {@code null} for the first event of a turn
 * @param replyPartition   the partition of {@code chat.outbound} read by the gateway replica that holds the client's
 *                         stream, so replies reach it without every replica reading every reply; {@code null} when
 *                         replies follow the conversation id's partition
 * @param traceparent      W3C trace context of the turn, for consumers outside the tracing system
 * @param payload          the event body, or {@code null} when this build does not know {@code type}
 */
public record Envelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        String assistantId,
        String assistantVersion,
        String conversationId,
        String turnId,
        UUID causationId,
        Integer replyPartition,
        String traceparent,
        EventPayload payload) {

    /** What tenant, assistant, conversation and turn ids look like (the {@code identifier} of common.json). */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(assistantId, "assistantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(turnId, "turnId");
    }

    /** Starts a new turn: the first event of a user message. */
    public static Envelope first(String tenantId, String assistantId, String conversationId, String turnId,
                                 String traceparent, EventPayload payload) {
        EventType eventType = EventType.of(payload);
        return new Envelope(UUID.randomUUID(), eventType.wireName(), eventType.schemaVersion(), Instant.now(),
                tenantId, assistantId, null, conversationId, turnId, null, null, traceparent, payload);
    }

    /** The same event, stamped with the assistant bundle version that handles the conversation. */
    public Envelope withAssistantVersion(String version) {
        return new Envelope(eventId, type, schemaVersion, occurredAt, tenantId, assistantId, version, conversationId,
                turnId, causationId, replyPartition, traceparent, payload);
    }

    /** The same event, with replies addressed to the gateway replica that reads {@code partition}. */
    public Envelope withReplyPartition(Integer partition) {
        return new Envelope(eventId, type, schemaVersion, occurredAt, tenantId, assistantId, assistantVersion,
                conversationId, turnId, causationId, partition, traceparent, payload);
    }

    /**
     * The same event with its body as others may see it (personal data hidden): same id, same type, so a consumer
     * cannot tell a redacted event from any other but by its words.
     */
    public Envelope withVisiblePayload(EventPayload visible) {
        if (visible.getClass() != payload.getClass()) {
            throw new IllegalArgumentException("A " + type + " event stays a " + type + " event");
        }
        return withPayload(visible);
    }

    /** The same event with its body, once read separately from the rest of the envelope. */
    Envelope withPayload(EventPayload body) {
        return new Envelope(eventId, type, schemaVersion, occurredAt, tenantId, assistantId, assistantVersion,
                conversationId, turnId, causationId, replyPartition, traceparent, body);
    }

    /** Creates the next event of the same turn, caused by this one, keeping its routing and tracing fields. */
    public Envelope next(EventPayload nextPayload) {
        EventType eventType = EventType.of(nextPayload);
        return new Envelope(UUID.randomUUID(), eventType.wireName(), eventType.schemaVersion(), Instant.now(),
                tenantId, assistantId, assistantVersion, conversationId, turnId, eventId, replyPartition, traceparent,
                nextPayload);
    }
}
