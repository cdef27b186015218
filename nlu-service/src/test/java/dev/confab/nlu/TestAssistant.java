package dev.confab.nlu;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.testsupport.SharedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * Releases the test assistant (a few intents, trained in seconds) on the shared Kafka cluster before nlu-service
 * starts, for the tenants the tests use; a test that needs another tenant releases it with {@link #release}.
 */
public class TestAssistant implements QuarkusTestResourceLifecycleManager {

    public static final Path BUNDLE = Path.of("src/test/resources/bundles/test-assistant");

    @Override
    public Map<String, String> start() {
        release("default");
        release("acme");
        return Map.of();
    }

    @Override
    public void stop() {
        // Releases stay on the topic, as they would in production.
    }

    public static void release(String tenantId) {
        BundlePublisher.publish(SharedKafka.bootstrapServers(), tenantId, BUNDLE);
    }
}
