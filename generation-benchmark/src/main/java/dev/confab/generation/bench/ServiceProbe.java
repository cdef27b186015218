package dev.confab.generation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.kafka.EnvelopeSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks generation-service for answers the way dialog does (a {@code generation.requested} event) and reads the
 * tokens from {@code chat.outbound} the way the gateway does: the same streams as {@link SidecarProbe}, through
 * Kafka, the guardrails and the fault-tolerance chain.
 */
final class ServiceProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final KafkaProducer<String, Envelope> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Passage passage;
    private final List<Double> internalFirstTokenMillis = new ArrayList<>();
    private final List<Double> kafkaOutMillis = new ArrayList<>();

    private int fallbacks;

    ServiceProbe(String bootstrapServers, String passageText) {
        this.passage = new Passage("fees", "fees#1", "Card fees", "https://bank.example/fees", passageText, 0.8);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new EnvelopeSerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.CHAT_OUTBOUND, Topics.GENERATION_RESULTS)) {
            consumer.partitionsFor(topic, PATIENCE)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** {@code streams} answers at once; the timing of each, from sending the request to its last token. */
    List<StreamTiming> run(int streams) throws IOException {
        Map<String, long[]> progress = new ConcurrentHashMap<>();
        Map<String, Long> requested = new ConcurrentHashMap<>();
        for (int i = 0; i < streams; i++) {
            String conversationId = "bench-" + UUID.randomUUID();
            requested.put(conversationId, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, conversationId, request(conversationId)));
        }
        producer.flush();
        int done = 0;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (done < streams) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + done + " of " + streams + " answers arrived");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long arrived = System.nanoTime();
                if (!requested.containsKey(record.key())) {
                    continue;
                }
                JsonNode event = JSON.readTree(record.value());
                String type = event.path("type").asText();
                if (type.equals("reply.token") && event.path("payload").path("index").asInt() == 0) {
                    // Both clocks are this machine's: when generation created the first token, when it arrived.
                    long created = Instant.parse(event.path("occurredAt").asText()).toEpochMilli();
                    kafkaOutMillis.add((double) (System.currentTimeMillis() - created));
                }
                if (type.equals("reply.token")) {
                    // first token, last token, token count
                    progress.compute(record.key(), (key, seen) -> seen == null
                            ? new long[] {arrived, arrived, 1}
                            : new long[] {seen[0], arrived, seen[2] + 1});
                } else if (type.equals("reply.message") && !"RAG".equals(event.at("/payload/provenance").asText())) {
                    fallbacks++;
                } else if (type.equals("reply.done")) {
                    done++;
                } else if (type.equals("generation.completed")) {
                    internalFirstTokenMillis.add(event.path("payload").path("firstTokenMillis").asDouble());
                }
            }
        }
        List<StreamTiming> timings = new ArrayList<>();
        progress.forEach((conversationId, seen) -> timings.add(
                new StreamTiming(requested.get(conversationId), seen[0], seen[1], (int) seen[2])));
        return timings;
    }

    /**
     * Time to first token as generation-service measured it, from prompt ready to first token: the rest of the
     * added time is Kafka both ways and the input rails.
     */
    double[] internalFirstTokenMillis() {
        double[] millis = internalFirstTokenMillis.stream().mapToDouble(Double::doubleValue).toArray();
        internalFirstTokenMillis.clear();
        return millis;
    }

    /** From generation creating a first token to the gateway-like consumer reading it (ms clock). */
    double[] kafkaOutMillis() {
        double[] millis = kafkaOutMillis.stream().mapToDouble(Double::doubleValue).toArray();
        kafkaOutMillis.clear();
        return millis;
    }

    /** Answers that did not come from the model (which would make the comparison meaningless). */
    int fallbacks() {
        return fallbacks;
    }

    private Envelope request(String conversationId) {
        return Envelope.first("bench", "bank-support", conversationId, "t-1", null,
                new GenerationRequested(GenerationTask.ANSWER,
                        List.of(new ChatTurn(ChatTurn.Speaker.USER, "Do new cards cost anything?")),
                        List.of(passage), "Sorry, no answer.", null, null, false, true, null,
                        GuardrailPolicy.defaults(), null));
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
