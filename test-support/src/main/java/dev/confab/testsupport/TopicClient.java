package dev.confab.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.EventType;
import dev.confab.contracts.event.RecordKeys;
import dev.confab.contracts.kafka.CloudEventHeaders;
import dev.confab.contracts.schema.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Lets a test play the other services: write events to their topics and wait for the events a service
 * under test produces, each checked against its published schema.
 */
public final class TopicClient {

    /**
     * One record as the test sees it: the key, the value as JSON (a text node when it is not JSON), where it
     * landed, and its headers as text.
     */
    public record TopicRecord(String key, JsonNode value, int partition, long offset, Map<String, String> headers) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TopicClient shared;

    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, TopicTail> tails = new ConcurrentHashMap<>();

    private TopicClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The client of the JVM's shared test cluster; like the cluster, it lives as long as the JVM. */
    public static synchronized TopicClient shared() {
        if (shared == null) {
            shared = new TopicClient(SharedKafka.bootstrapServers());
        }
        return shared;
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write to " + topic, e.getCause());
        }
    }

    /** Writes the event to its type's topic, keyed by its conversation id, as every service does. */
    public void send(Envelope event) {
        String topic = EventType.fromWireName(event.type())
                .map(EventType::topic)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()));
        try {
            producer.send(new ProducerRecord<>(topic, null, event.conversationId(), EventJson.write(event),
                    CloudEventHeaders.of(event, "test"))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write to " + topic, e.getCause());
        }
    }

    /**
     * Waits until the topic holds at least {@code count} events of the conversation, then returns all of them in
     * order; fails if any breaks its schema.
     */
    public List<Envelope> awaitEvents(String topic, String conversationId, int count) {
        return Awaitility.await()
                .atMost(WAIT)
                .until(() -> conversation(topic, conversationId), records -> records.size() >= count)
                .stream()
                .map(TopicClient::validEvent)
                .toList();
    }

    /**
     * Waits until the topic holds an event of this type for the conversation, then returns the conversation's
     * events up to and including it; fails if any breaks its schema.
     */
    public List<Envelope> awaitUntil(String topic, String conversationId, String type) {
        List<Envelope> events = Awaitility.await()
                .atMost(WAIT)
                .until(() -> conversation(topic, conversationId),
                        records -> records.stream().anyMatch(record -> type.equals(record.value().path("type").asText())))
                .stream()
                .map(TopicClient::validEvent)
                .toList();
        int last = events.stream().map(Envelope::type).toList().indexOf(type);
        return events.subList(0, last + 1);
    }

    /** The record's event, once it meets its schema and its key is what asyncapi.yaml says it is. */
    private static Envelope validEvent(TopicRecord record) {
        List<String> violations = EventSchemas.violations(record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("Event at " + record.partition() + "/" + record.offset() + " breaks its schema: "
                    + violations + "\n" + record.value());
        }
        Envelope event = EventJson.fromTree(record.value());
        Map<String, String> expected = new TreeMap<>();
        CloudEventHeaders.of(event, "any").forEach(header -> expected.put(header.key(),
                new String(header.value(), StandardCharsets.UTF_8)));
        expected.remove("ce_source");
        if (!record.headers().entrySet().containsAll(expected.entrySet())
                || !record.headers().getOrDefault("ce_source", "").startsWith("/confab/")) {
            throw new AssertionError("Event at " + record.partition() + "/" + record.offset() + " lacks its "
                    + "CloudEvents headers " + expected + "; it has " + record.headers());
        }
        String keyPattern = RecordKeys.pattern(EventType.of(event.payload()));
        if (record.key() == null || !Pattern.compile(keyPattern).matcher(record.key()).find()) {
            throw new AssertionError("Event at " + record.partition() + "/" + record.offset() + " has key '"
                    + record.key() + "', not one matching " + keyPattern + "\n" + record.value());
        }
        return event;
    }

    /** Everything the topic holds right now, in offset order per partition. */
    public List<TopicRecord> records(String topic) {
        return tails.computeIfAbsent(topic, name -> new TopicTail(newConsumer(), name, this::record)).records();
    }

    private TopicRecord record(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(),
                header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
        return new TopicRecord(record.key(), parse(record.value()), record.partition(), record.offset(), headers);
    }

    /** How many partitions the topic has (creating it with the broker's default when it does not exist yet). */
    public int partitionCount(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    /** The partition Kafka's default partitioner gives a key on a topic of {@code partitions} partitions. */
    public static int keyPartition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The records of one conversation on a topic, in the order they were written (one key, one partition). */
    public List<TopicRecord> conversation(String topic, String conversationId) {
        return records(topic).stream()
                .filter(record -> conversationId.equals(record.key()))
                .toList();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private JsonNode parse(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(value, StandardCharsets.UTF_8));
        }
    }
}
