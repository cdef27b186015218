package dev.confab.bundle.cli;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.contracts.Topics;
import dev.confab.contracts.bundle.BundleRelease;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Releases a bundle: loads it (so an invalid bundle never leaves the designer's machine), then writes every file to
 * {@code assistant.bundles}, compressed, keyed {@code tenant/assistant/version}.
 */
public final class BundlePublisher {

    /** Larger than the loader's bundle limit, uncompressed; the broker sees the gzip-compressed batch. */
    private static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    private BundlePublisher() {
    }

    /** Validates and publishes the bundle in {@code directory}; returns the release. */
    public static BundleRelease publish(String bootstrapServers, String tenantId, Path directory) {
        Map<String, String> files = BundleLoader.readDirectory(directory);
        AssistantBundle bundle = BundleLoader.load(files);
        BundleRelease release = BundleRelease.of(tenantId, bundle.id(), bundle.version(), files);
        send(bootstrapServers, release);
        return release;
    }

    /** Writes a release as it is; services still check it, and reject it if it is invalid. */
    public static void send(String bootstrapServers, BundleRelease release) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ASSISTANT_BUNDLES, release.key(), release.toJson())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + release.key(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot publish " + release.key() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
