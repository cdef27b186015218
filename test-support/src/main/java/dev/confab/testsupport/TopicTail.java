package dev.confab.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One topic read from its start once, then only from where the last read stopped: a test that waits for an event
 * polls the topic many times, and each poll should cost the records that arrived since, not a new consumer and the
 * whole topic again.
 */
final class TopicTail {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private List<TopicPartition> partitions = List.of();
    private final Function<ConsumerRecord<String, byte[]>, TopicClient.TopicRecord> reader;
    private final List<TopicClient.TopicRecord> read = new ArrayList<>();

    TopicTail(KafkaConsumer<String, byte[]> consumer, String topic,
              Function<ConsumerRecord<String, byte[]>, TopicClient.TopicRecord> reader) {
        this.consumer = consumer;
        this.topic = topic;
        this.reader = reader;
    }

    /** Everything the topic holds now, in offset order per partition. */
    synchronized List<TopicClient.TopicRecord> records() {
        followNewPartitions();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                read.add(reader.apply(record));
            }
        }
        return List.copyOf(read);
    }

    /** A topic may not exist yet when a test first reads it (the broker creates none by itself), or grow. */
    private void followNewPartitions() {
        List<TopicPartition> now = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (!now.equals(partitions)) {
            List<TopicPartition> added = now.stream()
                    .filter(partition -> !partitions.contains(partition))
                    .toList();
            consumer.assign(now);
            consumer.seekToBeginning(added);
            partitions = now;
        }
    }
}
