package dev.confab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.EventType;
import dev.confab.contracts.kafka.EnvelopeDeserializer;
import dev.confab.contracts.kafka.EnvelopeSerializer;
import dev.confab.contracts.schema.EventSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event type's fixture matches its published schema and survives a trip through the Kafka serde unchanged. */
class EventFixturesTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fixtureMatchesItsSchema(EventType type) throws IOException {
        JsonNode fixture = fixture("valid/" + type.wireName());

        assertThat(EventSchemas.violations(fixture)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fixtureRoundTripsThroughTheKafkaSerde(EventType type) throws IOException {
        JsonNode fixture = fixture("valid/" + type.wireName());

        Envelope event = new EnvelopeDeserializer().deserialize(type.topic(), json.writeValueAsBytes(fixture));
        byte[] written = new EnvelopeSerializer().serialize(type.topic(), event);

        assertThat(event.payload()).isInstanceOf(type.payloadClass());
        assertThat(json.readTree(written)).isEqualTo(fixture);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventsBuiltInCodeMatchTheirSchema(EventType type) throws IOException {
        Envelope fixture = EventJson.fromTree(fixture("valid/" + type.wireName()));
        Envelope produced = Envelope.first("acme-bank", "bank-support", "c-42", "t-1", null, fixture.payload());

        assertThat(EventSchemas.violations(EventJson.tree(produced))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "user.message-empty-text",
            "envelope-without-conversation-id",
            "envelope-event-id-not-a-uuid",
            "reply.token-negative-index",
            "message.understood-confidence-above-one",
            "generation.requested-unknown-task",
            "bot.message-unknown-provenance",
            "guardrail.verdict-unknown-outcome",
            "feedback.given-rating-without-message",
            "audit.recorded-without-who"})
    void invalidFixtureIsRejected(String name) throws IOException {
        assertThat(EventSchemas.violations(fixture("invalid/" + name))).isNotEmpty();
    }

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return json.readTree(in);
        }
    }
}
