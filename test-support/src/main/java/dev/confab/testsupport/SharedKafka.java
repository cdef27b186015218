package dev.confab.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real single-node Kafka cluster (KRaft, combined broker and controller) per test JVM, on free ports.
 * The broker runs inside the test JVM and ends with it: it is deliberately not closed from a shutdown hook,
 * where its multi-second shutdown raced the JVM's exit and Quarkus closing its class loaders, and surefire
 * intermittently reported the fork as crashed. Its log directory is a temporary directory.
 */
public final class SharedKafka {

    private static KafkaClusterTestKit cluster;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka cluster", e);
        }
    }
}
