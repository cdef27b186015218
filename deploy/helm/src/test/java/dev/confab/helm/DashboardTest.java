package dev.confab.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's Grafana dashboard: shipped for Grafana's sidecar, and charting only metrics the services have. */
class DashboardTest {

    private static final Pattern CONFAB_METRIC = Pattern.compile("confab_[a-z_]+");
    private static final Pattern SUFFIX = Pattern.compile("_(total|seconds|bucket|count|sum|max)$");
    private static final Pattern METER_NAME = Pattern.compile("\"(confab\\.[a-z.]+)\"");
    private static final Path REPOSITORY = Path.of("../..");

    @Test
    void theDashboardShipsInAConfigMapForGrafanasSidecar() throws IOException {
        ConfigMap dashboard = RenderedChart.render().one(ConfigMap.class, "confab-dashboard");

        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("confab.json"));
        assertThat(json.path("panels")).hasSizeGreaterThan(10);
    }

    @Test
    void everyConfabMetricItChartsIsOneAServiceRegisters() {
        String dashboard = read(RenderedChart.CHART.resolve("dashboards/confab.json"));
        Set<String> charted = new TreeSet<>();
        Matcher metric = CONFAB_METRIC.matcher(dashboard);
        while (metric.find()) {
            charted.add(meterName(metric.group()));
        }

        assertThat(charted).isNotEmpty();
        assertThat(registeredMeters()).containsAll(charted);
    }

    /** Micrometer's name of a Prometheus series: no unit or type suffix, dots for underscores. */
    private static String meterName(String series) {
        String name = series;
        for (Matcher suffix = SUFFIX.matcher(name); suffix.find(); suffix = SUFFIX.matcher(name)) {
            name = name.substring(0, suffix.start());
        }
        return name.replace('_', '.');
    }

    /**
     * Every {@code "confab.…"} string literal in the services' sources and in contracts (the meters all services
     * share): the names their meters are given.
     */
    private static Set<String> registeredMeters() {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("-service/src/main/java")
                            || path.toString().contains("contracts/src/main/java"))
                    .map(DashboardTest::read)
                    .flatMap(source -> METER_NAME.matcher(source).results().map(found -> found.group(1)))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
