package dev.confab.images;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An image's filesystem unpacked layer by layer, and its processes started the way a container runtime would: chrooted
 * into it, as the image's user, with only the image's environment. Not a container (no cgroups, the host's network),
 * which is what this machine allows without a runtime; it proves the files, the user, the paths and the entrypoint.
 */
final class ImageRoot {

    private final Path root;
    private final JsonNode config;

    private ImageRoot(Path root, JsonNode config) {
        this.root = root;
        this.config = config;
    }

    /** Only root may chroot and mount /proc (the JVM finds its libraries through it). */
    static boolean possible() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"));
    }

    static ImageRoot unpack(Path archive, Path into) throws IOException, InterruptedException {
        Path oci = Files.createDirectories(into.resolve("oci"));
        Path root = Files.createDirectories(into.resolve("root"));
        run(List.of("tar", "-xf", archive.toString(), "-C", oci.toString()));
        OciArchive image = OciArchive.read(archive);
        for (JsonNode layer : image.manifest().path("layers")) {
            Path blob = oci.resolve("blobs").resolve(layer.path("digest").asText().replace(':', '/'));
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob.toString(), "-C", root.toString()));
        }
        return new ImageRoot(root, image.config().path("config"));
    }

    /**
     * Starts {@code command} (the entrypoint when empty) in the image, {@code env} added to the image's, its output
     * written to {@code log} (a pipe nobody reads would stall it once full).
     */
    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child",
                "/bin/sh", "-c", "user=\"$1\"; shift; /bin/mount -t proc proc \"$0/proc\""
                        + " && exec /usr/sbin/chroot --userspec=\"$user\" \"$0\" \"$@\"",
                root.toString(), config.path("User").asText() + ":0"));
        if (command.isEmpty()) {
            config.path("Entrypoint").forEach(part -> argv.add(part.asText()));
        } else {
            argv.addAll(command);
        }
        ProcessBuilder process = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        process.environment().clear();
        config.path("Env").forEach(pair -> {
            String[] split = pair.asText().split("=", 2);
            process.environment().put(split[0], split[1]);
        });
        process.environment().putAll(env);
        return process.start();
    }

    /**
     * Stops what {@link #start} started. Signals go to the image's processes themselves: changing to the image's user
     * clears the kernel's parent-death signal, so stopping {@code unshare} alone would leave them running.
     */
    static void stop(Process process) throws Exception {
        List<ProcessHandle> inside = process.descendants().toList();
        inside.forEach(ProcessHandle::destroy);
        for (ProcessHandle each : inside) {
            try {
                each.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                each.destroyForcibly();
            }
        }
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
