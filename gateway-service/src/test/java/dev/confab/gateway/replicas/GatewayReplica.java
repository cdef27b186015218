package dev.confab.gateway.replicas;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One gateway replica: the packaged application in its own JVM, owning one partition of {@code chat.outbound}. */
final class GatewayReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;

    private GatewayReplica(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GatewayReplica start(String bootstrapServers, int replyPartition) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "gateway-replica-" + replyPartition + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dgateway.reply-partition=" + replyPartition,
                // A misrouted reply shows as a turn that times out: soon, not after the default minute.
                "-Dgateway.reply-idle-timeout=10s",
                "-Dconfab.auth.anonymous-tenant=default",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GatewayReplica replica = new GatewayReplica(process, port);
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> replica.get("/q/health/ready").statusCode() == 200);
        return replica;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("The gateway replica exited with " + process.exitValue());
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
