package dev.confab.local;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.contracts.bundle.BundleRelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** The whole suite on one machine: Kafka, PostgreSQL and the services, started and stopped together. */
public final class LocalSuite implements AutoCloseable {

    /** nlu is ready once it has trained the sample assistant: about 100 s on two cores while the rest starts. */
    private static final Duration SERVICE_START = Duration.ofSeconds(300);

    private final LocalSettings settings;
    private final List<ChildProcess> services = new ArrayList<>();
    /** The sample assistant, released on every start (a release of an unchanged bundle changes nothing). */
    static final String SAMPLE_ASSISTANT = "assistants/bank-support";
    /** The gateway's default tenant, which the web chat and the README's curl examples use. */
    static final String SAMPLE_TENANT = "default";

    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private BundleRelease sampleRelease;
    private SampleBankApi bankApi;
    private OperatorKey operatorKey;
    private List<String> userVerification;
    private boolean slmOn;

    private LocalSuite(LocalSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns once every service is ready; on failure, stops what it started. */
    public static LocalSuite start(LocalSettings settings) {
        requirePackagedServices(settings);
        requireNotRunning(settings);
        requireFreePorts(settings);
        claimWorkDir(settings);
        LocalSuite suite = new LocalSuite(settings);
        try {
            // The sidecar's model list answers when Ollama is up.
            suite.slmOn = HttpCheck.answersOk(settings.ollamaUrl() + "/api/tags");
            suite.kafka = KafkaBroker.start(settings);
            suite.sampleRelease = BundlePublisher.publish(settings.kafkaBootstrap(), SAMPLE_TENANT,
                    settings.root().resolve(SAMPLE_ASSISTANT));
            suite.postgres = LocalPostgres.start(settings);
            suite.bankApi = SampleBankApi.start();
            suite.operatorKey = OperatorKey.create(settings);
            suite.userVerification = LocalUsers.create(settings);
            for (Service service : Service.values()) {
                suite.services.add(ChildProcess.start(service.module(), suite.command(service), settings));
            }
            for (Service service : Service.values()) {
                suite.services.get(service.ordinal()).awaitReady(() -> suite.isReady(service), SERVICE_START);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** A service's command line; dialog also learns where the sample bank API is. */
    private List<String> command(Service service) {
        List<String> command = new ArrayList<>(service.command(settings));
        command.addAll(command.size() - 2, operatorKey.serviceSettings());
        if (service == Service.GATEWAY) {
            command.addAll(command.size() - 2, userVerification);
        }
        if (service == Service.DIALOG) {
            // The sample tenant's action secrets, and the one host its actions may call.
            String secrets = "-Dconfab.secrets." + SAMPLE_TENANT + ".";
            command.add(command.size() - 2, secrets + "BANK_API_URL=" + bankApi.url());
            command.add(command.size() - 2, secrets + "BANK_API_TOKEN=" + bankApi.token());
            command.add(command.size() - 2, "-Ddialog.action-hosts." + SAMPLE_TENANT + "=127.0.0.1");
        }
        return command;
    }

    /** Whether generation found an Ollama-compatible sidecar when the suite started. */
    public boolean slmOn() {
        return slmOn;
    }

    /**
     * Kills a service at once (SIGKILL: no shutdown hooks, no commit of consumed offsets), as a crash would, then
     * starts it again and waits until it is ready.
     */
    void crashAndRestart(Service service) {
        ChildProcess crashed = services.get(service.ordinal());
        ProcessHandle.of(crashed.pid()).ifPresent(ProcessHandle::destroyForcibly);
        crashed.close();
        ChildProcess restarted = ChildProcess.start(service.module(), command(service), settings);
        services.set(service.ordinal(), restarted);
        restarted.awaitReady(() -> isReady(service), SERVICE_START);
    }

    /** Process ids of every process the suite started, for checks that none outlives it. */
    public List<Long> childPids() {
        return services.stream().map(ChildProcess::pid).toList();
    }

    /** The gateway's web chat. */
    public String chatUrl() {
        return "http://localhost:" + settings.gatewayPort() + "/";
    }

    /** The analytics page of the sample assistant's conversations, with the operator key in its fragment. */
    public String analyticsUrl() {
        return "http://localhost:" + Service.ANALYTICS.port(settings) + "/#key=" + operatorKey.key();
    }

    /** The review page, with the operator key in its fragment. */
    public String reviewUrl() {
        return "http://localhost:" + Service.DIALOG.port(settings) + "/review.html#key=" + operatorKey.key();
    }

    /** The key with every role for the sample tenant. */
    public String operatorKey() {
        return operatorKey.key();
    }

    public String banner() {
        String gateway = "http://localhost:" + settings.gatewayPort();
        StringBuilder banner = new StringBuilder("\nConfab is running\n\n");
        banner.append("  Web chat    ").append(chatUrl()).append('\n');
        banner.append("  Chat API    POST ").append(gateway).append("/v1/conversations/{id}/messages  (SSE reply)\n");
        banner.append("  Try it      curl -N -H 'Content-Type: application/json' -d '{\"text\":\"How do I order a new card?\"}' ")
                .append(gateway).append("/v1/conversations/demo-1/messages\n");
        banner.append("  Analytics   ").append(analyticsUrl()).append('\n');
        banner.append("  Review      ").append(reviewUrl()).append('\n');
        banner.append("  API key     ").append(operatorKey.file())
                .append("  (every role for tenant '").append(SAMPLE_TENANT)
                .append("'; curl -H \"Authorization: Bearer $(cat ").append(operatorKey.file()).append(")\" …)\n\n");
        for (Service service : Service.values()) {
            banner.append(String.format("  %-20s http://localhost:%d   (/q/health, /q/metrics)%s%n",
                    service.module(), service.port(settings), service == Service.GATEWAY ? "" : "  127.0.0.1 only"));
        }
        banner.append(String.format("  %-20s %s%n", "Kafka (KRaft)", settings.kafkaBootstrap()));
        banner.append(String.format("  %-20s localhost:%d  databases %s%n", "PostgreSQL", settings.postgresPort(),
                String.join(", ", LocalPostgres.DATABASES)));
        banner.append(String.format("  %-20s %s%n", "SLM", slmOn
                ? "on: Ollama at " + settings.ollamaUrl()
                : "off: no Ollama at " + settings.ollamaUrl() + "; replies use templates and extractive answers"));
        banner.append(String.format("  %-20s %s%n", "Traces", settings.otlpEndpoint() == null
                ? "off (--otlp-endpoint URL sends them to an OTLP/HTTP collector)"
                : "to " + settings.otlpEndpoint()));
        banner.append(String.format("  %-20s %s %s, released to tenant '%s'%n", "Assistant",
                sampleRelease.assistantId(), sampleRelease.version(), SAMPLE_TENANT));
        banner.append(String.format("  %-20s %s (a stand-in for the bank's card system)%n", "Sample bank API",
                bankApi.url()));
        banner.append(String.format("  %-20s %s%n", "Logs", settings.logDir().resolve("<process>.log")));
        banner.append(String.format("  %-20s %s%n", "Stop", "Ctrl-C, or bin/confab-local stop"));
        return banner.toString();
    }

    /** Stops services first, so they can finish their work, then Kafka and PostgreSQL. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        services.forEach(ChildProcess::requestStop);
        services.forEach(service -> stopQuietly(service, failures));
        stopQuietly(bankApi, failures);
        stopQuietly(kafka, failures);
        stopQuietly(postgres, failures);
        try {
            Files.deleteIfExists(pidFile(settings));
        } catch (IOException e) {
            failures.add(new UncheckedIOException(e));
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("The suite did not stop cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /**
     * Stops the suite running from the settings' work directory, and any process a killed launcher left behind.
     *
     * @return whether anything was running
     */
    public static boolean stop(LocalSettings settings) {
        List<Path> pidFiles = new ArrayList<>(List.of(pidFile(settings)));
        try (var children = Files.exists(settings.pidDir()) ? Files.list(settings.pidDir()) : Stream.<Path>empty()) {
            children.forEach(pidFiles::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pidFiles.add(settings.workDir().resolve("postgres/postmaster.pid"));
        boolean stopped = false;
        // The launcher first: its shutdown hook stops the rest in order. Then whatever is still alive.
        for (Path pidFile : pidFiles) {
            Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (process.isPresent()) {
                stopped = true;
                terminate(process.get());
            }
        }
        return stopped;
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
    }

    static Path pidFile(LocalSettings settings) {
        return settings.workDir().resolve("confab-local.pid");
    }

    private boolean isReady(Service service) {
        return HttpCheck.answersOk("http://127.0.0.1:" + service.port(settings) + "/q/health/ready");
    }

    private static void requirePackagedServices(LocalSettings settings) {
        for (Service service : Service.values()) {
            if (!Files.exists(service.application(settings))) {
                throw new IllegalStateException(service.module() + " is not built (" + service.application(settings)
                        + " is missing); run ./mvnw package -DskipTests");
            }
        }
    }

    private static void requireFreePorts(LocalSettings settings) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ports.put(service.port(settings), service.module());
        }
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.controllerPort(), "the Kafka controller");
        ports.put(settings.postgresPort(), "PostgreSQL");
        ports.forEach((port, user) -> {
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.setReuseAddress(false);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " (for " + user + ") is already in use. Stop what "
                        + "uses it (ss -ltnp 'sport = :" + port + "' shows it) or choose other ports with "
                        + "--gateway-port, --kafka-port or --postgres-port");
            }
        });
    }

    /** One suite per work directory: a second one would share, and could corrupt, the first one's data. */
    private static void requireNotRunning(LocalSettings settings) {
        Optional<ProcessHandle> running = readPid(pidFile(settings))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("Confab is already running from " + settings.workDir() + " (pid "
                    + running.get().pid() + "); stop it first with bin/confab-local stop");
        }
    }

    private static void claimWorkDir(LocalSettings settings) {
        try {
            Files.createDirectories(settings.workDir());
            Files.writeString(pidFile(settings), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile)
                    ? Optional.of(Long.parseLong(Files.readString(pidFile).lines().findFirst().orElse("").trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopQuietly(AutoCloseable part, List<RuntimeException> failures) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            failures.add(e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
        }
    }
}
