package dev.confab.generation.config;

import dev.confab.contracts.event.GenerationTask;
import io.quarkiverse.langchain4j.ollama.Options;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which model, options, output format and prompt each task uses; a task missing from configuration fails startup. */
@ApplicationScoped
public class ModelRouter {

    private final Map<GenerationTask, Route> routes = new EnumMap<>(GenerationTask.class);

    public ModelRouter(GenerationConfig config) {
        for (GenerationTask task : GenerationTask.values()) {
            String key = task.name().toLowerCase(Locale.ROOT);
            GenerationConfig.TaskSettings settings = config.tasks().get(key);
            if (settings == null) {
                throw new IllegalStateException("No settings for generation task '" + key
                        + "': set generation.tasks." + key + ".prompt");
            }
            routes.put(task, new Route(settings.model().orElse(config.sidecar().model()), options(settings),
                    settings.schema().map(ModelRouter::schema).orElse(null), settings.prompt(), settings.numCtx(),
                    settings.numPredict(), settings.budget().orElse(null)));
        }
    }

    public Route route(GenerationTask task) {
        return routes.get(task);
    }

    /** Every model some task uses, each once. */
    public Set<String> models() {
        Set<String> models = new LinkedHashSet<>();
        routes.values().forEach(route -> models.add(route.model()));
        return models;
    }

    private static Options options(GenerationConfig.TaskSettings settings) {
        return Options.builder()
                .temperature(settings.temperature())
                .topP(settings.topP())
                .numPredict(settings.numPredict())
                .numCtx(settings.numCtx())
                .stop(settings.stop().orElse(null))
                .build();
    }

    private static String schema(String resource) {
        try (InputStream in = ModelRouter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No output schema " + resource + " on the class path");
            }
            // The client sends a format as raw JSON only when it is exactly one object, without surrounding space.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How one task calls the model.
     *
     * @param format     the JSON schema of a typed answer, or {@code null} for free text
     * @param prompt     the prompt template's file name, which carries its version
     * @param numCtx     the context window the prompt must fit into
     * @param numPredict the tokens kept free in that window for the answer
     * @param budget     the longest the whole answer may take, or {@code null} for the stream's own timeouts only
     */
    public record Route(String model, Options options, String format, String prompt, int numCtx, int numPredict,
                        Duration budget) {
    }
}
