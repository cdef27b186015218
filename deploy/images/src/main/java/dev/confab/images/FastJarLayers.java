package dev.confab.images;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Splits a Quarkus fast-jar ({@code target/quarkus-app}) into image layers ordered by how often they change, so a
 * new commit pushes only the last ones: third-party libraries, then Confab's own modules, then the application.
 */
final class FastJarLayers {

    /** Where the application lives in the image, as Quarkus' own images put it. */
    static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/deployments");

    private static final Predicate<Path> OWN_MODULE = jar -> jar.getFileName().toString().startsWith("dev.confab.");

    private FastJarLayers() {
    }

    static List<FileEntriesLayer> of(Path app) {
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(app + " is not a Quarkus fast-jar: package the service first");
        }
        FileEntriesLayer.Builder libraries = FileEntriesLayer.builder().setName("libraries");
        FileEntriesLayer.Builder modules = FileEntriesLayer.builder().setName("confab-modules");
        for (String folder : List.of("lib/boot", "lib/main")) {
            for (Path jar : jars(app.resolve(folder))) {
                (OWN_MODULE.test(jar) ? modules : libraries).addEntry(jar, HOME.resolve(folder).resolve(jar.getFileName()));
            }
        }
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("application")
                .addEntry(app.resolve("quarkus-run.jar"), HOME.resolve("quarkus-run.jar"));
        for (String folder : List.of("app", "quarkus")) {
            try {
                application.addEntryRecursive(app.resolve(folder), HOME.resolve(folder));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of(libraries.build(), modules.build(), application.build());
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
