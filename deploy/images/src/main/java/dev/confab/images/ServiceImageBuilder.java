package dev.confab.images;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Builds one service's OCI image into an archive with Jib's library: no Docker daemon, no registry unless the base
 * image is in one, the same bytes for the same inputs (Jib fixes every timestamp).
 */
final class ServiceImageBuilder {

    /** The user Quarkus' own images run as; the chart's securityContext asks for the same. */
    static final String USER = "185";
    static final int HTTP_PORT = 8080;
    static final List<String> ENTRYPOINT = List.of("java",
            // A container's memory limit, not the node's, sizes the heap.
            "-XX:MaxRAMPercentage=75",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-jar", FastJarLayers.HOME.resolve("quarkus-run.jar").toString());

    private final ImageSettings settings;

    ServiceImageBuilder(ImageSettings settings) {
        this.settings = settings;
    }

    /** Builds {@code service}'s image from its fast-jar into {@code output/service.tar}. */
    BuiltImage build(String service, Path app) throws IOException, InterruptedException {
        Path archive = settings.output().resolve(service + ".tar");
        try {
            JibContainerBuilder image = Jib.from(settings.base())
                    .setFormat(ImageFormat.OCI)
                    .setFileEntriesLayers(FastJarLayers.of(app))
                    .setEntrypoint(ENTRYPOINT)
                    // A base image's CMD would otherwise be appended to the entrypoint as the application's arguments.
                    .setProgramArguments(List.of())
                    .setWorkingDirectory(FastJarLayers.HOME)
                    .setUser(USER)
                    // Every service listens on one port in a container, whatever its local-run default.
                    .addEnvironmentVariable("QUARKUS_HTTP_PORT", Integer.toString(HTTP_PORT))
                    .addExposedPort(Port.tcp(HTTP_PORT))
                    .setLabels(settings.labels(service));
            Containerizer to = Containerizer.to(TarImage.at(archive).named(settings.reference(service)))
                    .setToolName("confab-images")
                    .setBaseImageLayersCache(settings.output().resolveSibling("jib-cache").resolve("base"))
                    .setApplicationLayersCache(settings.output().resolveSibling("jib-cache").resolve(service))
                    .addEventHandler(LogEvent.class, ServiceImageBuilder::log);
            JibContainer built = image.containerize(to);
            return new BuiltImage(service, settings.repository(service), settings.tag(),
                    built.getDigest().toString(), archive);
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("Not an image reference: " + settings.base(), e);
        } catch (ExecutionException | RegistryException | CacheDirectoryCreationException e) {
            throw new IOException("Could not build " + service + "'s image: " + e.getMessage(), e);
        }
    }

    private static void log(LogEvent event) {
        if (event.getLevel() == LogEvent.Level.ERROR || event.getLevel() == LogEvent.Level.WARN) {
            System.err.println(event.getMessage());
        }
    }
}
