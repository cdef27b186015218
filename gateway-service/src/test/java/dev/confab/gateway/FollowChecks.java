package dev.confab.gateway;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.ReplyHistory;
import dev.confab.testsupport.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays dialog's part before a stream opens: answers each {@code history.requested} the gateway sends to check that a
 * conversation may be followed — "not yet started" unless a test made it a signed-in user's with {@link #ownedBy}.
 */
public final class FollowChecks implements AutoCloseable {

    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();
    private static FollowChecks shared;

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread loop;

    public FollowChecks(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "follow-checks-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(Topics.CHAT_CONTROL));
        loop = new Thread(this::answerUntilClosed, "follow-checks");
        loop.setDaemon(true);
        loop.start();
    }

    /** From now on the conversation is this signed-in user's: others may not follow it. */
    public static void ownedBy(String conversationId, String userId) {
        OWNERS.put(conversationId, userId);
    }

    private void answerUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Envelope event = EventJson.read(record.value());
                    if (event.turnId().startsWith("follow-") && event.payload() instanceof HistoryRequested asked) {
                        answer(event, asked);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } finally {
            consumer.close();
        }
    }

    private void answer(Envelope request, HistoryRequested asked) {
        String owner = OWNERS.get(request.conversationId());
        boolean shown = owner == null || owner.equals(asked.userId());
        Envelope answer = request.next(new ReplyHistory(shown, List.of(), owner != null));
        producer.send(new ProducerRecord<>(Topics.CHAT_OUTBOUND, answer.replyPartition(), answer.conversationId(),
                EventJson.write(answer)));
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        loop.join();
        producer.close();
    }

    /** One stand-in for every Quarkus application of the test JVM, as long as the JVM runs. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            synchronized (FollowChecks.class) {
                if (shared == null) {
                    shared = new FollowChecks(SharedKafka.bootstrapServers());
                }
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // Shared by every test class of this JVM; its daemon thread ends with the JVM.
        }
    }
}
