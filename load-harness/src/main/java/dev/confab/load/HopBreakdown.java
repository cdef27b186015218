package dev.confab.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where a template turn's time goes, hop by hop, from the Kafka record timestamps of its events: the client's
 * request until the gateway wrote {@code user.message}, nlu until {@code message.understood}, dialog until the
 * first reply, and the relay of that reply to the client (found by its SSE id, which is its position in
 * {@code chat.outbound}). One machine, one clock.
 */
final class HopBreakdown {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> settings;

    HopBreakdown(String bootstrapServers) {
        this.settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    }

    /** Percentiles of each hop over the turns that succeeded. */
    Map<String, Object> of(List<TurnTiming> turns) throws IOException {
        Map<String, Long> written = new HashMap<>();
        Map<String, String> turnOfReply = new HashMap<>();
        read("chat.outbound", (record, event) -> {
            String position = record.partition() + "-" + record.offset();
            written.put(position, record.timestamp());
            turnOfReply.put(position, event.path("turnId").asText());
        });
        Map<String, Long> received = new HashMap<>();
        read("chat.inbound", (record, event) -> received.put(event.path("turnId").asText(), record.timestamp()));
        Map<String, Long> understood = new HashMap<>();
        read("chat.understood", (record, event) -> understood.put(event.path("turnId").asText(), record.timestamp()));

        Map<String, double[]> hops = new LinkedHashMap<>();
        List<TurnTiming> traced = turns.stream()
                .filter(turn -> !turn.failed() && turnOfReply.containsKey(turn.firstEventId()))
                .toList();
        hops.put("client_to_gateway_kafka", new double[traced.size()]);
        hops.put("nlu", new double[traced.size()]);
        hops.put("dialog", new double[traced.size()]);
        hops.put("relay_to_client", new double[traced.size()]);
        for (int i = 0; i < traced.size(); i++) {
            TurnTiming turn = traced.get(i);
            String turnId = turnOfReply.get(turn.firstEventId());
            long in = received.getOrDefault(turnId, 0L);
            long nlu = understood.getOrDefault(turnId, 0L);
            long out = written.get(turn.firstEventId());
            double firstEventAt = turn.sentAtEpochMillis() + turn.firstEventMillis();
            hops.get("client_to_gateway_kafka")[i] = in - turn.sentAtEpochMillis();
            hops.get("nlu")[i] = nlu - in;
            hops.get("dialog")[i] = out - nlu;
            hops.get("relay_to_client")[i] = firstEventAt - out;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("turns_traced", traced.size());
        hops.forEach((hop, millis) -> report.put(hop + "_ms", LoadHarness.percentiles(millis)));
        return report;
    }

    private void read(String topic, BiConsumer<ConsumerRecord<byte[], byte[]>, JsonNode> each) throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.value() != null) {
                        each.accept(record, JSON.readTree(record.value()));
                    }
                }
            }
        }
    }
}
