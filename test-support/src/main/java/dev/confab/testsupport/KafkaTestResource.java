package dev.confab.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a Quarkus application under test at the JVM's shared real Kafka cluster. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", SharedKafka.bootstrapServers(),
                // The broker runs in this JVM and would log every partition change at INFO.
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"state.change.logger\".level", "WARN");
    }

    @Override
    public void stop() {
        // Shared by every application of this JVM; stopped by a shutdown hook.
    }
}
