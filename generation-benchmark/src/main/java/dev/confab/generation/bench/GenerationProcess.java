package dev.confab.generation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** generation-service from its packaged application, as deploy/local runs it, on the benchmark's Kafka and sidecar. */
final class GenerationProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Process process;

    private GenerationProcess(Process process) {
        this.process = process;
    }

    static GenerationProcess start(Path root, String kafka, String sidecarUrl, int parallelism, Path log)
            throws IOException, InterruptedException {
        Path application = root.resolve("generation-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(application)) {
            throw new IllegalStateException("No " + application + ": build generation-service first");
        }
        int port = freePort();
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.langchain4j.ollama.base-url=" + sidecarUrl,
                "-Dgeneration.sidecar.parallelism=" + parallelism,
                "-Dgeneration.sidecar.queue=" + parallelism,
                "-jar", application.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GenerationProcess service = new GenerationProcess(process);
        service.awaitReady(port, log);
        return service;
    }

    private void awaitReady(int port, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("generation-service exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("generation-service not ready within " + STARTUP + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
