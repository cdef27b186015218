package dev.confab.gateway.messaging;

import dev.confab.contracts.Topics;
import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.StreamPosition;
import dev.confab.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Reads back, for a client resuming a stream with {@code Last-Event-ID}, the replies of its conversation written
 * after the last event it got — straight from {@code chat.outbound}, so a client resumes on any replica, even one
 * that never saw its turn — and goes on reading until the turn then under way is done.
 */
@ApplicationScoped
public class MissedReplies {

    private final GatewayConfig config;
    private final Map<String, Object> consumerSettings;
    private final Semaphore readers;

    public MissedReplies(GatewayConfig config, MeterRegistry registry,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.consumerSettings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "gateway-resume",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.readers = new Semaphore(config.maxResumingStreams());
        registry.gauge("confab.gateway.resuming.streams", readers,
                permits -> config.maxResumingStreams() - permits.availablePermits());
    }

    /**
     * The conversation's replies after {@code seen}. Blocks while it checks with Kafka that {@code seen} is an event
     * of this tenant's conversation still kept, so a bad id is refused before the stream starts.
     */
    public Multi<StreamEvent> after(String tenant, String conversationId, StreamPosition seen) {
        if (!readers.tryAcquire()) {
            throw new WebApplicationException("Too many streams are resuming at once; try again in a second", 503);
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            CatchUp catchUp = CatchUp.open(consumer, Topics.CHAT_OUTBOUND, tenant, conversationId, seen,
                    config.replyIdleTimeout());
            return Multi.createFrom().<StreamEvent>emitter(emitter -> {
                        try {
                            catchUp.run(emitter);
                        } finally {
                            // A Kafka consumer belongs to the thread that polls it; it is closed where it ran.
                            consumer.close();
                            readers.release();
                        }
                    })
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        } catch (RuntimeException refused) {
            consumer.close();
            readers.release();
            throw refused;
        }
    }
}
