package dev.confab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event schema against the last released one (a copy under {@code src/test/resources/released/<contract
 * version>/}, made when a contract version is released): within a schema version only additive changes are allowed,
 * so a consumer built against the release still reads every event. Breaking: a schema or a property gone, a property
 * newly required, a type, constant or reference changed, an enum value dropped.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASED = Path.of("src/test/resources/released");
    private static final Path CURRENT = Path.of("src/main/resources/schemas");

    static Stream<Path> releasedSchemas() throws IOException {
        Path last = lastRelease();
        try (Stream<Path> files = Files.walk(last)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(last::relativize)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void everyReleasedSchemaStillReadsAsReleased(Path schema) throws IOException {
        Path released = lastRelease().resolve(schema);
        Path current = CURRENT.resolve(schema);
        assertThat(current).as("a released schema is never removed within its version").exists();

        List<String> breaking = new ArrayList<>();
        compare(read(released), read(current), "", breaking);

        assertThat(breaking).as("breaking changes to %s within its version", schema).isEmpty();
    }

    @Test
    void theCheckCatchesEachKindOfBreakingChange() throws IOException {
        JsonNode released = read(lastRelease().resolve("v1/turn.started.json"));
        Map<String, Consumer<ObjectNode>> breaks = Map.of(
                "a type changed", schema -> object(payload(schema), "properties", "outOfScope").put("type", "string"),
                "a property removed", schema -> object(payload(schema), "properties").remove("language"),
                "a property newly required", schema -> ((ArrayNode) payload(schema).get("required")).add("language"),
                "a constant changed", schema -> object(schema, "properties", "type").put("const", "turn.begun"));

        breaks.forEach((change, apply) -> {
            ObjectNode changed = released.deepCopy();
            apply.accept(changed);
            List<String> breaking = new ArrayList<>();
            compare(released, changed, "", breaking);
            assertThat(breaking).as(change).isNotEmpty();
        });
        List<String> additive = new ArrayList<>();
        ObjectNode added = released.deepCopy();
        object(payload(added), "properties").putObject("sentiment").put("type", "number");
        compare(released, added, "", additive);
        assertThat(additive).as("an optional property added").isEmpty();
    }

    private static ObjectNode payload(ObjectNode schema) {
        return object(schema, "properties", "payload");
    }

    private static ObjectNode object(ObjectNode node, String... path) {
        JsonNode found = node;
        for (String name : path) {
            found = found.get(name);
        }
        return (ObjectNode) found;
    }

    private static void compare(JsonNode released, JsonNode current, String at, List<String> breaking) {
        for (String keyword : List.of("const", "$ref")) {
            if (released.has(keyword) && !released.get(keyword).equals(current.get(keyword))) {
                breaking.add(at + "/" + keyword + " changed from " + released.get(keyword) + " to "
                        + current.get(keyword));
            }
        }
        if (released.has("type") && !types(current.path("type")).containsAll(types(released.get("type")))) {
            breaking.add(at + "/type narrowed from " + released.get("type") + " to " + current.path("type"));
        }
        if (released.has("enum") && !values(current.path("enum")).containsAll(values(released.get("enum")))) {
            breaking.add(at + "/enum lost values: was " + released.get("enum") + ", is " + current.path("enum"));
        }
        Set<String> newlyRequired = values(current.path("required"));
        newlyRequired.removeAll(values(released.path("required")));
        if (!newlyRequired.isEmpty()) {
            breaking.add(at + "/required gained " + newlyRequired);
        }
        for (String container : List.of("properties", "$defs")) {
            Iterator<Map.Entry<String, JsonNode>> fields = released.path(container).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String where = at + "/" + container + "/" + field.getKey();
                if (!current.path(container).has(field.getKey())) {
                    breaking.add(where + " removed");
                } else {
                    compare(field.getValue(), current.path(container).get(field.getKey()), where, breaking);
                }
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            for (int i = 0; i < released.path(list).size(); i++) {
                compare(released.path(list).get(i), current.path(list).path(i), at + "/" + list + "/" + i, breaking);
            }
        }
        if (released.has("items")) {
            compare(released.get("items"), current.path("items"), at + "/items", breaking);
        }
    }

    private static Set<String> types(JsonNode type) {
        return values(type.isArray() ? type : JSON.createArrayNode().add(type));
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.toString()));
        return values;
    }

    private static Path lastRelease() throws IOException {
        try (Stream<Path> versions = Files.list(RELEASED)) {
            return versions.max(Comparator.comparing(SchemaCompatibilityTest::version)).orElseThrow();
        }
    }

    /** A release directory's version, comparable part by part (1.10.0 after 1.9.0). */
    private static String version(Path release) {
        StringBuilder key = new StringBuilder();
        for (String part : release.getFileName().toString().split("\\.")) {
            key.append(String.format("%06d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
