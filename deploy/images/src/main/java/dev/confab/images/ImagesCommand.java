package dev.confab.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/confab-images}: builds every service's image into an OCI archive, and the chart values that use them. */
public final class ImagesCommand {

    static final List<String> SERVICES = List.of("gateway-service", "nlu-service", "dialog-service",
            "generation-service", "retrieval-service", "analytics-service");

    static final String USAGE = """
            usage: bin/confab-images [--base IMAGE] [--registry PREFIX] [--tag TAG] [--revision COMMIT]
              Builds each service's image (packaged first) into deploy/images/target/images/SERVICE.tar, and
              values-images.yaml for the chart. --base: tar://FILE, docker://NAME or a registry image (default: the
              Debian-based one bin/confab-base-image makes).""";

    private static final List<String> OPTIONS = List.of("--root", "--output", "--base", "--registry", "--tag",
            "--source", "--version", "--revision");

    private ImagesCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", ".")).toAbsolutePath().normalize();
        ImageSettings settings = new ImageSettings(
                required(options, "--base"),
                required(options, "--registry"),
                required(options, "--tag"),
                required(options, "--source"),
                required(options, "--version"),
                revision(options.get("--revision"), root),
                Files.createDirectories(Path.of(required(options, "--output"))));
        ServiceImageBuilder builder = new ServiceImageBuilder(settings);
        List<BuiltImage> images = new ArrayList<>();
        for (String service : SERVICES) {
            BuiltImage image = builder.build(service, root.resolve(service).resolve("target/quarkus-app"));
            System.out.printf("%s:%s@%s  %s (%d MB)%n", image.repository(), image.tag(), image.digest(),
                    root.relativize(image.archive()), Files.size(image.archive()) >> 20);
            images.add(image);
        }
        System.out.println("Chart values: " + root.relativize(ChartValues.write(images, settings.output())));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            } else if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                System.err.println("Unknown or incomplete option '" + args[i] + "'\n" + USAGE);
                System.exit(2);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            System.err.println(name + " is required\n" + USAGE);
            System.exit(2);
        }
        return value;
    }

    /** The commit being built, from git when not given: what org.opencontainers.image.revision points at. */
    private static String revision(String given, Path root) throws IOException, InterruptedException {
        if (given != null && !given.isBlank()) {
            return given;
        }
        Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String head = new String(git.getInputStream().readAllBytes()).trim();
        return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? head : "unknown";
    }
}
