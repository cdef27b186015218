package dev.confab.contracts.kafka;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.TurnStarted;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record as Confab writes it is a CloudEvent in binary mode for the CloudEvents SDK's own Kafka binding: id, type,
 * source, time, subject, schema and content type come from the headers, the envelope is the data.
 */
class CloudEventHeadersTest {

    @Test
    void theCloudEventsSdkReadsARecordAsTheEventItCarries() {
        Envelope event = Envelope.first("acme", "bank-support", "c-42", "t-1", null,
                new TurnStarted("where is my card", "card_arrival", 0.93, false, "en", "web"));
        byte[] value = EventJson.write(event);
        Headers headers = CloudEventHeaders.of(event, "dialog-service");

        CloudEvent read = KafkaMessageFactory.createReader(new ConsumerRecord<>(Topics.CONVERSATION_EVENTS, 0, 0L,
                        0L, TimestampType.CREATE_TIME, 0, value.length, event.conversationId(), value, headers,
                        Optional.empty()))
                .toEvent();

        assertThat(read.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(read.getId()).isEqualTo(event.eventId().toString());
        assertThat(read.getType()).isEqualTo("dev.confab.turn.started");
        assertThat(read.getSource()).isEqualTo(URI.create("/confab/dialog-service"));
        assertThat(read.getTime().toInstant()).isEqualTo(event.occurredAt());
        assertThat(read.getSubject()).isEqualTo("c-42");
        assertThat(read.getDataSchema()).isEqualTo(URI.create("https://confab.dev/schemas/v1/turn.started.json"));
        assertThat(read.getExtension("schemaversion")).isEqualTo("1");
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(EventJson.read(read.getData().toBytes())).isEqualTo(event);
    }
}
