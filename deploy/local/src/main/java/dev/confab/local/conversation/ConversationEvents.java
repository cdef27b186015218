package dev.confab.local.conversation;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.kafka.EnvelopeDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Follows the public conversation events and the handoff topic from their current end, per conversation, so
 * tests can check what dialog decided (intent, slots, flows, handoffs) as well as what the user saw.
 */
final class ConversationEvents implements AutoCloseable {

    private final KafkaConsumer<String, Envelope> consumer;
    private final Map<String, List<Envelope>> byConversation = new ConcurrentHashMap<>();
    private final Object arrived = new Object();
    private final Thread poller;
    private volatile boolean running = true;

    ConversationEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new EnvelopeDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.CONVERSATION_EVENTS, Topics.HANDOFFS)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "conversation-test-events");
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * Checks a conversation's events each time new ones arrive, until the check finds nothing wrong or the time is
     * up; returns what the last check found wrong.
     */
    List<String> await(String conversationId, Function<List<Envelope>, List<String>> check, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrived) {
            List<String> failures = check.apply(of(conversationId));
            while (!failures.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return failures;
                }
                arrived.wait(Math.max(1, left / 1_000_000));
                failures = check.apply(of(conversationId));
            }
            return failures;
        }
    }

    private List<Envelope> of(String conversationId) {
        return List.copyOf(byConversation.getOrDefault(conversationId, List.of()));
    }

    private void poll() {
        try {
            while (running) {
                ConsumerRecords<String, Envelope> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, Envelope> record : records) {
                    if (record.value() != null) {
                        byConversation.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                                .add(record.value());
                    }
                }
                if (!records.isEmpty()) {
                    synchronized (arrived) {
                        arrived.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
