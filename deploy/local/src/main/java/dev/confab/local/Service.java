package dev.confab.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Confab services, each run from its packaged Quarkus application on its own port: the five of a chat turn,
 * then analytics, which reads their public events.
 */
enum Service {

    GATEWAY("gateway-service"),
    NLU("nlu-service"),
    DIALOG("dialog-service"),
    GENERATION("generation-service"),
    RETRIEVAL("retrieval-service"),
    ANALYTICS("analytics-service");

    private final String module;

    Service(String module) {
        this.module = module;
    }

    String module() {
        return module;
    }

    Path application(LocalSettings settings) {
        return settings.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    int port(LocalSettings settings) {
        return settings.gatewayPort() + ordinal();
    }

    List<String> command(LocalSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaExecutable());
        command.addAll(settings.serviceJvm());
        command.add("-Dquarkus.http.port=" + port(settings));
        // Only the public chat API is reachable from other machines; the rest answer this one alone.
        if (this != GATEWAY) {
            command.add("-Dquarkus.http.host=127.0.0.1");
        }
        command.add("-Dkafka.bootstrap.servers=" + settings.kafkaBootstrap());
        // The local run's log files are read by people: plain text, not production's JSON.
        command.add("-Dquarkus.log.console.json.enabled=false");
        command.addAll(tracing(settings));
        command.addAll(ownSettings(settings));
        command.add("-jar");
        command.add(application(settings).toString());
        return command;
    }

    private static List<String> tracing(LocalSettings settings) {
        if (settings.otlpEndpoint() == null) {
            return List.of();
        }
        return List.of("-Dquarkus.otel.sdk.disabled=false",
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.exporter.otlp.traces.endpoint=" + settings.otlpEndpoint(),
                // Spans leave within a second, so a trace can be looked at right after its turn.
                "-Dquarkus.otel.bsp.schedule.delay=1s");
    }

    private List<String> ownSettings(LocalSettings settings) {
        return switch (this) {
            case DIALOG -> withDatabase(settings, "confab_dialog",
                    "-Ddialog.public-url=http://localhost:" + port(settings));
            case RETRIEVAL -> withDatabase(settings, "confab_retrieval",
                    "-Dretrieval.data-dir=" + settings.workDir().resolve("retrieval"),
                    "-Dquarkus.langchain4j.ollama.base-url=" + settings.ollamaUrl());
            case GENERATION -> List.of("-Dquarkus.langchain4j.ollama.base-url=" + settings.ollamaUrl());
            // Trained models survive a restart: an unchanged assistant is loaded, not trained again. While a new
            // release trains, the one before it still answers: two of the sample's pipelines do not fit in 256 MB.
            case NLU -> List.of("-Xmx512m", "-Dnlu.model-store=" + settings.workDir().resolve("nlu-models"));
            // The local run is a demo on one machine: the web chat and curl chat without an API key (as a client of
            // the sample tenant, nothing more; every other API needs the operator key).
            case GATEWAY -> List.of("-Dconfab.auth.anonymous-tenant=" + LocalSuite.SAMPLE_TENANT);
            default -> List.of();
        };
    }

    private static List<String> withDatabase(LocalSettings settings, String database, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database,
                "-Dquarkus.datasource.username=" + LocalPostgres.SERVICE_ROLE));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
