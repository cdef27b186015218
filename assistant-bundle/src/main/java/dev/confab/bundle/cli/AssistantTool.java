package dev.confab.bundle.cli;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bin/confab-assistant}: checks a bundle directory, or checks and releases it to a running suite.
 * Problems print one per line as {@code file:line:column: message}; the exit status is 1 when there are any.
 */
public final class AssistantTool {

    private static final String USAGE = """
            usage: confab-assistant validate DIR
                   confab-assistant publish DIR [--tenant ID] [--bootstrap-servers HOST:PORT]
            """;

    private AssistantTool() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !Files.isDirectory(Path.of(args[1]))) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Map<String, String> options = options(args);
        Path directory = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "validate":
                    AssistantBundle bundle = BundleLoader.load(BundleLoader.readDirectory(directory));
                    System.out.printf("%s %s is valid: %d intents, %d flows, %d slots, %d responses%n", bundle.id(),
                            bundle.version(), bundle.intents().size(), bundle.flows().size(), bundle.slots().size(),
                            bundle.responses().size());
                    break;
                case "publish":
                    BundleRelease release = BundlePublisher.publish(
                            options.getOrDefault("--bootstrap-servers", "localhost:9092"),
                            options.getOrDefault("--tenant", "acme"), directory);
                    System.out.printf("Released %s (%s) to %s%n", release.key(), release.digest(),
                            options.getOrDefault("--bootstrap-servers", "localhost:9092"));
                    break;
                default:
                    System.err.print(USAGE);
                    System.exit(2);
            }
        } catch (InvalidBundleException e) {
            e.problems().stream().map(BundleProblem::toString).forEach(System.err::println);
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.print(USAGE);
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
