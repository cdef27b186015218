package dev.confab.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The images the build wrote, read as a registry and a container runtime would read them, and run. */
class ServiceImagesIT {

    static final List<String> SERVICES = ImagesCommand.SERVICES;

    private static final Path IMAGES = Path.of(System.getProperty("confab.images"));
    private static final Path ROOT = Path.of(System.getProperty("confab.root"));
    private static final String VERSION = System.getProperty("confab.version");
    private static final String REGISTRY = System.getProperty("confab.image.registry");
    private static final String TAG = System.getProperty("confab.image.tag");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceIsAnOciImageThatRunsItsApplicationAsUser185(String service) throws IOException {
        OciArchive image = OciArchive.read(IMAGES.resolve(service + ".tar"));

        assertThat(image.has("oci-layout")).isTrue();
        assertThat(image.index().path("manifests").path(0).path("annotations")
                .path("org.opencontainers.image.ref.name").asText()).isEqualTo(REGISTRY + "/" + service + ":" + TAG);
        assertThat(image.manifest().path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode config = image.config().path("config");
        assertThat(texts(config.path("Entrypoint"))).startsWith("java")
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(config.path("User").asText()).isEqualTo("185");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(texts(config.path("Env"))).contains("QUARKUS_HTTP_PORT=8080");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachImageSaysWhereItComesFrom(String service) throws IOException, InterruptedException {
        JsonNode labels = OciArchive.read(IMAGES.resolve(service + ".tar")).config().path("config").path("Labels");

        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.path("org.opencontainers.image.source").asText())
                .isEqualTo(System.getProperty("confab.image.source"));
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(gitHead());
    }

    @Test
    void theChartValuesPinEachServiceToTheImageBuilt() throws IOException {
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(IMAGES.resolve(ChartValues.FILE).toFile());

        for (String service : SERVICES) {
            JsonNode pinned = values.path(ChartValues.chartKey(service)).path("image");
            JsonNode built = OciArchive.read(IMAGES.resolve(service + ".tar")).index().path("manifests").path(0);
            assertThat(pinned.path("repository").asText()).as(service).isEqualTo(REGISTRY + "/" + service);
            assertThat(pinned.path("digest").asText()).as(service).isEqualTo(built.path("digest").asText());
        }
    }

    @Test
    void pushedToARegistryEachImageKeepsTheDigestTheChartValuesPin(@TempDir Path scratch) throws Exception {
        assumeTrue(LocalRegistry.installed(), "needs Debian's docker-registry and skopeo (.ci/run installs them)");
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(IMAGES.resolve(ChartValues.FILE).toFile());

        try (LocalRegistry registry = LocalRegistry.start(scratch)) {
            for (String service : SERVICES) {
                String pinned = values.path(ChartValues.chartKey(service)).path("image").path("digest").asText();
                registry.push(IMAGES.resolve(service + ".tar"), "confab/" + service, TAG);

                assertThat(registry.digest("confab/" + service, TAG)).as(service).contains(pinned);
                assertThat(registry.digest("confab/" + service, pinned)).as("pulled by digest").contains(pinned);
            }
        }
    }

    @Test
    void theGatewayImageRunsTheCommandOfTheChartsTopicsJob(@TempDir Path scratch) throws Exception {
        assumeTrue(ImageRoot.possible(), "running an image's files needs root (chroot) and unshare");
        ImageRoot gateway = ImageRoot.unpack(IMAGES.resolve("gateway-service.tar"), scratch);
        List<String> command = new ArrayList<>(topicsJobCommand());
        command.add("--help");

        Path log = scratch.resolve("topics.log");

        Process topics = gateway.start(command, Map.of(), log);

        assertThat(topics.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(topics.exitValue()).as(output).isZero();
        assertThat(output).contains("usage: bin/confab-admin topics");
    }

    @Test
    void anImageStartsAsItsUserAndAnswersItsLivenessProbe(@TempDir Path scratch) throws Exception {
        assumeTrue(ImageRoot.possible(), "running an image's files needs root (chroot) and unshare");
        ImageRoot analytics = ImageRoot.unpack(IMAGES.resolve("analytics-service.tar"), scratch);
        int port = FreePort.any();
        // A Kafka nobody listens on: the service must come up (live) without its broker, and join no one's groups.
        Process service = analytics.start(List.of(), Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePort.any()), scratch.resolve("analytics.log"));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/live"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            await().atMost(Duration.ofSeconds(90))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(http.send(live, HttpResponse.BodyHandlers.ofString()).body())
                            .contains("\"status\": \"UP\""));
            ProcessHandle java = service.descendants()
                    .filter(child -> child.info().command().orElse("").endsWith("/java"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.getAttribute(Path.of("/proc", Long.toString(java.pid())), "unix:uid")).isEqualTo(185);
        } finally {
            ImageRoot.stop(service);
        }
    }

    /** The command the chart's topics Job runs in the gateway's image, as the template writes it. */
    private static List<String> topicsJobCommand() throws IOException {
        String line = Files.readAllLines(ROOT.resolve("deploy/helm/confab/templates/topics-job.yaml")).stream()
                .filter(text -> text.trim().startsWith("command:"))
                .findFirst()
                .orElseThrow();
        return texts(new ObjectMapper().readTree(line.substring(line.indexOf('['))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String gitHead() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", ROOT.toString(), "rev-parse", "HEAD").start();
        String head = new String(git.getInputStream().readAllBytes()).trim();
        return git.waitFor() == 0 ? head : "unknown";
    }
}
