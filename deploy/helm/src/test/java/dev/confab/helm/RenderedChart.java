package dev.confab.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The chart rendered by Helm itself (helm-java: Helm's Go library in a jar, no binary, no cluster), each manifest
 * read into the Kubernetes object model of its kind and API version, so a misspelt or misplaced field fails.
 */
record RenderedChart(List<HasMetadata> objects) {

    static final Path CHART = Path.of("confab");
    static final Path PRODUCTION = Path.of("values-production.yaml");
    /** The cluster's version the chart is rendered for (helm-java's default is 1.20, older than the chart allows). */
    static final String KUBERNETES = "1.31.0";

    /** The kinds the chart may render, each with the one API version it must use. */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("ConfigMap", new Kind("v1", ConfigMap.class)),
            Map.entry("Secret", new Kind("v1", Secret.class)),
            Map.entry("Service", new Kind("v1", Service.class)),
            Map.entry("Deployment", new Kind("apps/v1", Deployment.class)),
            Map.entry("StatefulSet", new Kind("apps/v1", StatefulSet.class)),
            Map.entry("HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class)),
            Map.entry("PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class)),
            Map.entry("NetworkPolicy", new Kind("networking.k8s.io/v1", NetworkPolicy.class)),
            Map.entry("Job", new Kind("batch/v1", Job.class)),
            Map.entry("PersistentVolumeClaim", new Kind("v1", PersistentVolumeClaim.class)),
            Map.entry("KafkaTopic", new Kind("kafka.strimzi.io/v1", KafkaTopic.class)));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    /** Renders with the chart's defaults, then {@code valuesFile} when given, then each {@code set}. */
    static RenderedChart render(Path valuesFile, Map<String, Object> set) {
        return render(CHART, valuesFile, set);
    }

    /**
     * As {@link #render(Path, Map)}, hooks included: helm-java's template leaves hooks out (manusa/helm-java#416),
     * so this renders a copy of the chart whose hooks are ordinary resources. The hook annotations themselves are
     * for the test to read from the template.
     */
    static RenderedChart renderWithHooks(Path valuesFile, Map<String, Object> set) {
        return render(ChartCopy.withoutHooks(), valuesFile, set);
    }

    private static RenderedChart render(Path chart, Path valuesFile, Map<String, Object> set) {
        TemplateCommand template = new Helm(chart).template().withName("confab").withNamespace("chat")
                .withKubeVersion(KUBERNETES);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return parse(template.call());
    }

    static RenderedChart render() {
        return render(null, Map.of());
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind.getSimpleName() + " " + name + " in " + objects.stream()
                        .map(object -> object.getKind() + "/" + object.getMetadata().getName())
                        .toList()));
    }

    private static RenderedChart parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests).readAll()) {
                if (document == null || document.isEmpty()) {
                    continue;
                }
                String kindName = document.path("kind").asText();
                Kind kind = KINDS.get(kindName);
                if (kind == null) {
                    throw new AssertionError("The chart renders a kind it should not: " + kindName);
                }
                if (!kind.apiVersion().equals(document.path("apiVersion").asText())) {
                    throw new AssertionError(kindName + " must use " + kind.apiVersion() + ", not "
                            + document.path("apiVersion").asText());
                }
                HasMetadata object = YAML.treeToValue(document, kind.type());
                List<String> unknown = new ArrayList<>();
                unknownFields(object, kindName + "/" + object.getMetadata().getName(), unknown);
                if (!unknown.isEmpty()) {
                    throw new AssertionError("Fields Kubernetes does not know: " + unknown);
                }
                objects.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedChart(objects);
    }

    /**
     * The object model keeps fields it does not know in {@code additionalProperties} instead of failing; any
     * found anywhere in the tree is a field the API server would drop or refuse.
     */
    private static void unknownFields(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, entry) -> unknownFields(entry, path + "." + key, found));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                unknownFields(property, path + "." + getter.getName().substring(3), found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }

    /** A kind's API version and its class in the object model. */
    private record Kind(String apiVersion, Class<? extends HasMetadata> type) {
    }
}
