package dev.confab.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates events against the contract's published JSON Schemas. Needs com.networknt:json-schema-validator on the
 * classpath, an optional dependency of the contract: tests and tools bring it, services do not.
 */
public final class EventSchemas {

    private static final String SCHEMA_BASE = "https://confab.dev/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));

    // Formats (uuid, date-time, uri) are only annotations in draft 2020-12 unless asserted.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Every way the event breaks its type's schema; empty when it is valid. */
    public static List<String> violations(JsonNode event) {
        String type = event.path("type").asText();
        int version = event.path("schemaVersion").asInt(1);
        if (!type.matches("[a-z]+(\\.[a-z]+)+")) {
            return List.of("$.type: not an event type: '" + type + "'");
        }
        String location = SCHEMA_BASE + "v" + version + "/" + type + ".json";
        JsonSchema schema;
        try {
            schema = SCHEMAS.computeIfAbsent(location,
                    key -> FACTORY.getSchema(SchemaLocation.of(key), CONFIG));
        } catch (RuntimeException e) {
            return List.of("$.type: no schema for " + type + " v" + version + " (" + e.getMessage() + ")");
        }
        return schema.validate(event).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
