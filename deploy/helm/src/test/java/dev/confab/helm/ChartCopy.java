package dev.confab.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A copy of the chart in a temporary directory, changed for what helm-java cannot do by itself. */
final class ChartCopy {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ChartCopy() {
    }

    /** The chart with its hooks as ordinary resources (helm-java's template leaves hooks out). */
    static Path withoutHooks() {
        return copy(file -> file.getFileName().toString().endsWith(".yaml")
                ? text -> text.lines()
                        .filter(line -> !line.contains("helm.sh/hook"))
                        .collect(Collectors.joining("\n", "", "\n"))
                : UnaryOperator.identity());
    }

    /**
     * The chart whose defaults are its own overlaid with {@code valuesFile}, as Helm merges them (maps merged key by
     * key, null removing a key), so that linting the copy lints the chart with that file (helm-java's lint takes no
     * values).
     */
    static Path withValues(Path valuesFile) {
        try {
            JsonNode merged = merge(YAML.readTree(RenderedChart.CHART.resolve("values.yaml").toFile()),
                    YAML.readTree(valuesFile.toFile()));
            String values = YAML.writeValueAsString(merged);
            return copy(file -> file.equals(RenderedChart.CHART.resolve("values.yaml"))
                    ? text -> values
                    : UnaryOperator.identity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (!(base instanceof ObjectNode merged) || !overlay.isObject()) {
            return overlay;
        }
        overlay.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNull()) {
                merged.remove(entry.getKey());
            } else {
                merged.set(entry.getKey(), merged.has(entry.getKey())
                        ? merge(merged.get(entry.getKey()), entry.getValue())
                        : entry.getValue());
            }
        });
        return merged;
    }

    private static Path copy(Function<Path, UnaryOperator<String>> change) {
        try {
            Path copy = Files.createTempDirectory("chart");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(RenderedChart.CHART)) {
                files = walk.toList();
            }
            for (Path file : files) {
                Path target = copy.resolve(RenderedChart.CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, change.apply(file).apply(Files.readString(file)));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
