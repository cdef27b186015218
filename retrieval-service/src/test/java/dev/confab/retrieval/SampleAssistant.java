package dev.confab.retrieval;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.testsupport.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Releases the sample bank assistant (and its seven knowledge documents) for tenant {@value #TENANT} on the shared
 * Kafka cluster before retrieval-service starts, as {@code bin/confab-assistant publish} would.
 */
public class SampleAssistant implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = "bank";
    public static final String ASSISTANT = "bank-support";

    @Override
    public Map<String, String> start() {
        BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, Path.of("../assistants/bank-support"));
        return Map.of();
    }

    @Override
    public void stop() {
        // Releases stay on the topic, as they would in production.
    }
}
