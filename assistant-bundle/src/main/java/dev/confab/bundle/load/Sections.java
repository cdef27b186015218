package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The sections of all files of a bundle, merged: a name may be defined once across the bundle's files, and a
 * bundle definition replaces a system default of the same name (that is how repair patterns are overridden).
 */
final class Sections {

    static final List<String> NAMED = List.of("intents", "slots", "flows", "responses", "actions");
    static final List<String> SINGLE = List.of("assistant", "guardrails");

    private final Map<String, Map<String, Located>> named = new LinkedHashMap<>();
    private final Map<String, Located> single = new LinkedHashMap<>();
    private final Map<String, Located> systemDefaults = new LinkedHashMap<>();
    private final Map<String, Map<String, Located>> entityMaps = new LinkedHashMap<>();
    private final List<Located> knowledge = new ArrayList<>();
    private final Map<String, Located> modelEntities = new LinkedHashMap<>();
    private final List<Located> annotatedExamples = new ArrayList<>();
    private Located region;

    Sections() {
        NAMED.forEach(section -> named.put(section, new LinkedHashMap<>()));
        entityMaps.put("lookups", new LinkedHashMap<>());
        entityMaps.put("patterns", new LinkedHashMap<>());
    }

    void addSystem(YamlDocument document) {
        forEachNamed(document, (section, entry) -> {
            named.get(section).put(entry.name(), entry);
            systemDefaults.put(section + "/" + entry.name(), entry);
        });
    }

    void add(YamlDocument document, List<BundleProblem> problems) {
        JsonNode root = document.root();
        forEachNamed(document, (section, entry) -> {
            Located earlier = named.get(section).get(entry.name());
            if (earlier != null && !systemDefaults.containsKey(section + "/" + entry.name())) {
                problems.add(entry.problem(section.substring(0, section.length() - 1) + " '" + entry.name()
                        + "' is already defined at " + earlier.where()));
                return;
            }
            systemDefaults.remove(section + "/" + entry.name());
            named.get(section).put(entry.name(), entry);
        });
        for (String section : SINGLE) {
            if (root.has(section)) {
                Located entry = new Located(section, root.get(section), document, "/" + section);
                Located earlier = single.putIfAbsent(section, entry);
                if (earlier != null) {
                    problems.add(entry.problem("'" + section + "' is already defined at " + earlier.where()));
                }
            }
        }
        JsonNode entities = root.path("entities");
        for (String kind : entityMaps.keySet()) {
            entries(entities.path(kind)).forEachRemaining(field -> {
                Located entry = new Located(field.getKey(), field.getValue(), document,
                        "/entities/" + kind + "/" + YamlDocument.escape(field.getKey()));
                Located earlier = entityMaps.get(kind).putIfAbsent(field.getKey(), entry);
                if (earlier != null) {
                    problems.add(entry.problem("entity '" + field.getKey() + "' is already defined at "
                            + earlier.where()));
                }
            });
        }
        JsonNode model = entities.path("model");
        for (int i = 0; i < model.size(); i++) {
            modelEntities.putIfAbsent(model.get(i).asText(), new Located(model.get(i).asText(), model.get(i), document,
                    "/entities/model/" + i));
        }
        JsonNode examples = entities.path("examples");
        for (int i = 0; i < examples.size(); i++) {
            annotatedExamples.add(new Located(examples.get(i).asText(), examples.get(i), document,
                    "/entities/examples/" + i));
        }
        if (entities.has("region")) {
            region = new Located("region", entities.get("region"), document, "/entities/region");
        }
        JsonNode sources = root.path("knowledge");
        for (int i = 0; i < sources.size(); i++) {
            knowledge.add(new Located(sources.get(i).path("path").asText(), sources.get(i), document, "/knowledge/" + i));
        }
    }

    Map<String, Located> named(String section) {
        return named.get(section);
    }

    Located single(String section) {
        return single.get(section);
    }

    Map<String, Located> entities(String kind) {
        return entityMaps.get(kind);
    }

    /** Entities the NLU's trained slot tagger fills, which the bundle names but does not define. */
    Set<String> modelEntities() {
        return modelEntities.keySet();
    }

    /** Where the bundle names a model entity. */
    Located modelEntity(String name) {
        return modelEntities.get(name);
    }

    /** The {@code entities.examples} of every file, each where it is written. */
    List<Located> annotatedExamples() {
        return annotatedExamples;
    }

    Located region() {
        return region;
    }

    List<Located> knowledge() {
        return knowledge;
    }

    private static void forEachNamed(YamlDocument document, BiConsumer<String, Located> action) {
        for (String section : NAMED) {
            entries(document.root().path(section)).forEachRemaining(field -> action.accept(section,
                    new Located(field.getKey(), field.getValue(), document,
                            "/" + section + "/" + YamlDocument.escape(field.getKey()))));
        }
    }

    private static Iterator<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return node.isObject() ? node.fields() : Collections.emptyIterator();
    }
}
