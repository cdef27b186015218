package dev.confab.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of {@code bin/confab-local}: {@code start} (the default), {@code stop}, or {@code user-token USER}
 * (a signed-in user's token for the running suite).
 */
public final class Main {

    private static final String USAGE = """
            usage: bin/confab-local [start|stop] [options]
                   bin/confab-local user-token USER [--work-dir DIR]   a token naming USER, for X-User-Token
              --gateway-port N    public chat API port; the other services use N+1..N+5 (default 8080)
              --kafka-port N      Kafka client port; the controller uses N+1 (default 19092)
              --postgres-port N   PostgreSQL port (default 15432)
              --ollama-url URL    Ollama-compatible sidecar (default http://localhost:11434)
              --otlp-endpoint URL send every service's traces to this OTLP/HTTP collector (e.g. http://localhost:4318)
              --work-dir DIR      data and logs, kept between runs (default .local-run in the checkout)
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Deque<String> arguments = new ArrayDeque<>(Arrays.asList(args));
        String command = !arguments.isEmpty() && !arguments.peek().startsWith("--") ? arguments.pop() : "start";
        String user = command.equals("user-token") && !arguments.isEmpty() ? arguments.pop() : null;
        LocalSettings settings;
        try {
            settings = parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        switch (command) {
            case "start" -> start(settings);
            case "stop" -> System.out.println(LocalSuite.stop(settings)
                    ? "Confab stopped."
                    : "Confab was not running.");
            case "user-token" -> System.out.println(LocalUsers.tokenFor(settings.workDir(), user));
            default -> {
                System.err.println("Unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }

    private static void start(LocalSettings settings) throws InterruptedException {
        System.out.println("Starting Kafka, PostgreSQL and the Confab services (logs in " + settings.logDir() + ")...");
        LocalSuite suite;
        try {
            suite = LocalSuite.start(settings);
        } catch (RuntimeException e) {
            System.err.println("Confab did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Confab...");
            suite.close();
            System.out.println("Confab stopped.");
        }, "confab-local-shutdown"));
        System.out.println(suite.banner());
        openInBrowser(suite.chatUrl());
        // Runs until Ctrl-C or `bin/confab-local stop`; the shutdown hook then stops everything.
        new CountDownLatch(1).await();
    }

    /** Opens the web chat on a desktop; on a server (no display) the banner's URL is enough. */
    private static void openInBrowser(String url) {
        boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        String opener = System.getProperty("os.name").startsWith("Mac") ? "open" : "xdg-open";
        if (!desktop && !opener.equals("open")) {
            return;
        }
        try {
            new ProcessBuilder(opener, url).inheritIO().start();
        } catch (IOException noOpener) {
            System.out.println("Open " + url + " in a browser to chat.");
        }
    }

    private static LocalSettings parse(Deque<String> arguments) {
        Path root = Path.of(System.getProperty("confab.root", ".")).toAbsolutePath().normalize();
        int gatewayPort = 8080;
        int kafkaPort = 19092;
        int postgresPort = 15432;
        String ollamaUrl = "http://localhost:11434";
        String otlpEndpoint = null;
        Path workDir = root.resolve(".local-run");
        while (!arguments.isEmpty()) {
            String option = arguments.pop();
            if (arguments.isEmpty()) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = arguments.pop();
            switch (option) {
                case "--gateway-port" -> gatewayPort = port(option, value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--postgres-port" -> postgresPort = port(option, value);
                case "--ollama-url" -> ollamaUrl = value.replaceAll("/+$", "");
                case "--otlp-endpoint" -> otlpEndpoint = value.replaceAll("/+$", "");
                case "--work-dir" -> workDir = Path.of(value).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        Path libDir = root.resolve("deploy/local/target/lib");
        return new LocalSettings(root, workDir, libDir, gatewayPort, kafkaPort, postgresPort, ollamaUrl, otlpEndpoint,
                LocalSettings.DEFAULT_SERVICE_JVM);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65530) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number, not '" + value + "'");
        }
    }
}
