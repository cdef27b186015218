package dev.confab.bundle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;

import java.io.IOException;
import java.net.URI;
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
                   confab-assistant publish DIR --tenant ID [--api-key KEY] [--dialog-url URL]
                   confab-assistant publish DIR --tenant ID --bootstrap-servers HOST:PORT
              --api-key (or $CONFAB_API_KEY): an admin key; the release goes through dialog's API
              (--dialog-url, default http://localhost:8082). --bootstrap-servers instead writes to Kafka
              directly, for a platform operator holding Kafka credentials.
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
                    publish(options, directory);
                    break;
                default:
                    System.err.print(USAGE);
                    System.exit(2);
            }
        } catch (InvalidBundleException e) {
            e.problems().stream().map(BundleProblem::toString).forEach(System.err::println);
            System.exit(1);
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void publish(Map<String, String> options, Path directory) throws IOException {
        String tenant = options.get("--tenant");
        if (tenant == null) {
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("--bootstrap-servers")) {
            BundleRelease release = BundlePublisher.publish(options.get("--bootstrap-servers"), tenant, directory);
            System.out.printf("Released %s (%s) to %s%n", release.key(), release.digest(),
                    options.get("--bootstrap-servers"));
            return;
        }
        String key = options.getOrDefault("--api-key", System.getenv("CONFAB_API_KEY"));
        if (key == null || key.isBlank()) {
            System.err.println("An admin key is needed: --api-key KEY or $CONFAB_API_KEY");
            System.exit(2);
            return;
        }
        JsonNode released = ReleaseClient.release(URI.create(options.getOrDefault("--dialog-url",
                "http://localhost:8082")), key, tenant, directory);
        System.out.printf("Released %s/%s/%s (%s)%n", released.path("tenantId").asText(),
                released.path("assistantId").asText(), released.path("version").asText(),
                released.path("digest").asText());
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
