package dev.confab.contracts.kafka;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventType;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * The CloudEvents Kafka protocol binding's binary-mode headers of an event (CloudEvents 1.0), so a consumer that
 * knows CloudEvents and nothing of Confab can route, filter and pick a schema by header without reading the value.
 * The value stays the JSON envelope: the event's data in binary mode.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    /** Where the JSON Schemas are published; their {@code $id}s start with it. */
    public static final String SCHEMAS = "https://confab.dev/";
    /** Reverse-DNS prefix of every {@code ce_type}: {@code dev.confab.turn.started}. */
    public static final String TYPE_PREFIX = "dev.confab.";

    private CloudEventHeaders() {
    }

    /**
     * @param source the service that wrote the event ({@code quarkus.application.name}); {@code ce_source} is
     *               {@code /confab/<source>}
     */
    public static Headers of(Envelope event, String source) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", SPEC_VERSION);
        add(headers, "ce_id", event.eventId().toString());
        add(headers, "ce_source", "/confab/" + source);
        add(headers, "ce_type", TYPE_PREFIX + event.type());
        add(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        add(headers, "ce_subject", event.conversationId());
        EventType.fromWireName(event.type()).ifPresent(type -> {
            add(headers, "ce_dataschema", SCHEMAS + type.schemaResource());
            add(headers, "ce_schemaversion", String.valueOf(type.schemaVersion()));
        });
        add(headers, "content-type", "application/json");
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
