package dev.confab.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The physical floor of one Kafka crossing on this machine and broker: a record's time from {@code send} to a
 * waiting consumer's {@code poll}, one record at a time, with the services' client settings (no linger, every
 * replica's acknowledgement, a consumer long-polling as SmallRye's does). What Kafka's EndToEndLatency tool
 * measures, in the same run as the load, so a turn's overhead can be said as a multiple of it.
 */
final class KafkaFloor {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final int WARM_UP = 50;
    private static final byte[] PAYLOAD = new byte[512];

    private final String bootstrapServers;

    KafkaFloor(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Milliseconds per crossing over {@code records} records, after a warm-up, on a topic made for it and deleted. */
    double[] measure(int records) throws ExecutionException, InterruptedException, TimeoutException {
        String topic = "confab.floor-probe." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
            try {
                return crossings(topic, records);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private double[] crossings(String topic, int records)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            double[] millis = new double[records];
            for (int i = -WARM_UP; i < records; i++) {
                long sent = System.nanoTime();
                var acknowledged = producer.send(new ProducerRecord<>(topic, PAYLOAD));
                // The consumer waits in the broker until the record is there, as the services' consumers do.
                while (consumer.poll(POLL).isEmpty()) {
                    if (System.nanoTime() - sent > GIVE_UP.toNanos()) {
                        throw new TimeoutException("A record took over " + GIVE_UP + " to cross " + topic);
                    }
                }
                long received = System.nanoTime();
                acknowledged.get(30, TimeUnit.SECONDS);
                if (i >= 0) {
                    millis[i] = (received - sent) / 1e6;
                }
            }
            return millis;
        }
    }
}
