package dev.confab.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real single-node Kafka cluster (KRaft, combined broker and controller) per test JVM, on free ports.
 * The broker runs inside the test JVM and ends with it: it is deliberately not closed from a shutdown hook,
 * where its multi-second shutdown raced the JVM's exit and Quarkus closing its class loaders, and surefire
 * intermittently reported the fork as crashed. Its log directory is a temporary directory, which the test kit
 * deletes from a shutdown hook while the broker still runs; the broker then asks to halt the JVM ("all log dirs
 * have failed"), and a JVM halted with status 1 on its way out is a crashed fork to surefire. So a halt or exit
 * Kafka requests while the JVM is already exiting is ignored; one requested earlier still happens.
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
        Exit.setHaltProcedure((status, message) -> {
            if (!jvmExiting()) {
                Runtime.getRuntime().halt(status);
            }
        });
        Exit.setExitProcedure((status, message) -> {
            if (!jvmExiting()) {
                System.exit(status);
            }
        });
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

    /** The JVM refuses new shutdown hooks once it has begun to exit: the one reliable way to ask. */
    private static boolean jvmExiting() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException exiting) {
            return true;
        }
    }
}
