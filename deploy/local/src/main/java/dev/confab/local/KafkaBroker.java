package dev.confab.local;

import dev.confab.contracts.topics.TopicAdmin;
import dev.confab.contracts.topics.TopicCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** A real single-node Kafka broker in KRaft mode, run as its own process from the Apache Kafka jars. */
final class KafkaBroker implements AutoCloseable {

    /** Partitions per topic: room for several consumers of each service. */
    static final int PARTITIONS = 6;
    /** A machine's local run keeps a week of traffic, audit included. */
    private static final Duration EVENTS_KEPT = Duration.ofDays(7);

    private final ChildProcess process;

    private KafkaBroker(ChildProcess process) {
        this.process = process;
    }

    static KafkaBroker start(LocalSettings settings) {
        Path home = settings.workDir().resolve("kafka");
        Path config = home.resolve("server.properties");
        Path logConfig = home.resolve("log4j2.properties");
        try {
            Files.createDirectories(home);
            Files.writeString(config, serverProperties(settings, home.resolve("data")));
            Files.writeString(logConfig, LOG_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Formatting twice would refuse (or, forced, wipe the log): format only a fresh data directory.
        if (!Files.exists(home.resolve("data/meta.properties"))) {
            format(settings, config, logConfig);
        }
        ChildProcess broker = ChildProcess.start("kafka",
                java(settings, logConfig, "kafka.Kafka", config.toString()), settings);
        broker.awaitReady(() -> createTopics(settings.kafkaBootstrap()), Duration.ofSeconds(60));
        return new KafkaBroker(broker);
    }

    private static void format(LocalSettings settings, Path config, Path logConfig) {
        ChildProcess formatter = ChildProcess.start("kafka-format", java(settings, logConfig,
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                settings);
        formatter.awaitSuccess(Duration.ofSeconds(60));
    }

    /**
     * Creates every topic of the catalogue that does not exist yet, as {@code bin/confab-admin topics} does; false
     * while the broker is not answering.
     */
    private static boolean createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"))) {
            new TopicAdmin(admin).reconcile(TopicCatalog.topics(PARTITIONS, EVENTS_KEPT, EVENTS_KEPT), false,
                    Optional.of((short) 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> java(LocalSettings settings, Path logConfig, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + logConfig,
                "-cp", settings.libDir().resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String serverProperties(LocalSettings settings, Path data) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + settings.controllerPort(),
                "listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://127.0.0.1:"
                        + settings.controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=" + PARTITIONS,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static final String LOG_CONFIG = String.join("\n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "appender.stdout.type = Console",
            "appender.stdout.name = STDOUT",
            "appender.stdout.layout.type = PatternLayout",
            "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
            "");

    @Override
    public void close() {
        process.close();
    }
}
