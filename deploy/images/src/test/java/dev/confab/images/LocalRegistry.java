package dev.confab.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real OCI distribution registry (Debian's docker-registry, CNCF Distribution) on loopback, and skopeo to push to it:
 * what a platform team's CI does with the archives, by tools nobody here wrote.
 */
final class LocalRegistry implements AutoCloseable {

    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    private final Process process;
    private final String address;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LocalRegistry(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    static boolean installed() {
        return Files.isExecutable(REGISTRY) && Files.isExecutable(SKOPEO);
    }

    static LocalRegistry start(Path directory) throws IOException {
        String address = "127.0.0.1:" + FreePort.any();
        Path config = Files.writeString(directory.resolve("registry.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                """.formatted(Files.createDirectories(directory.resolve("storage")), address));
        Process process = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        LocalRegistry registry = new LocalRegistry(process, address);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> registry.get("/v2/").statusCode() == 200);
        return registry;
    }

    String address() {
        return address;
    }

    /** Pushes an OCI archive as {@code name:tag} with skopeo, copying its manifest as it is. */
    void push(Path archive, String name, String tag) throws IOException, InterruptedException {
        Process skopeo = new ProcessBuilder(SKOPEO.toString(), "copy", "--dest-tls-verify=false",
                "oci-archive:" + archive, "docker://" + address + "/" + name + ":" + tag)
                .redirectErrorStream(true)
                .start();
        String output = new String(skopeo.getInputStream().readAllBytes());
        if (!skopeo.waitFor(120, TimeUnit.SECONDS) || skopeo.exitValue() != 0) {
            throw new IOException("skopeo copy failed: " + output);
        }
    }

    /** The digest the registry serves {@code name:reference} under, as a pull by tag or digest sees it. */
    Optional<String> digest(String name, String reference) throws IOException, InterruptedException {
        HttpResponse<Void> manifest = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + address + "/v2/" + name + "/manifests/" + reference))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .build(), HttpResponse.BodyHandlers.discarding());
        return manifest.statusCode() == 200 ? manifest.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    private HttpResponse<Void> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
