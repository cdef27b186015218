package dev.confab.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and how the local suite runs.
 *
 * @param root         the Confab checkout, holding each service's packaged application
 * @param workDir      data and logs; survives restarts
 * @param libDir       jars of the Kafka broker (deploy/local's runtime dependencies)
 * @param gatewayPort  the public chat API; the other services take the next four ports
 * @param kafkaPort    Kafka's client port; its controller listens on the next one
 * @param postgresPort PostgreSQL's port
 * @param ollamaUrl    where generation looks for an Ollama-compatible sidecar
 * @param otlpEndpoint where every service sends its traces (OTLP over HTTP), or null for no tracing
 * @param serviceJvm   JVM options of each service process
 */
public record LocalSettings(Path root, Path workDir, Path libDir, int gatewayPort, int kafkaPort, int postgresPort,
                            String ollamaUrl, String otlpEndpoint, List<String> serviceJvm) {

    public static final List<String> DEFAULT_SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public Path pidDir() {
        return workDir.resolve("pids");
    }

    public int controllerPort() {
        return kafkaPort + 1;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
