package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Action;
import dev.confab.bundle.model.AnnotatedText;
import dev.confab.bundle.model.Assistant;
import dev.confab.bundle.model.Entities;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Intent;
import dev.confab.bundle.model.KnowledgeSource;
import dev.confab.bundle.model.Slot;
import dev.confab.contracts.event.GuardrailPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the files of a bundle into an {@link AssistantBundle}, or fails with every problem found, each with its
 * file, line and column. Checks run in order: limits, YAML syntax, the JSON Schema, then that every name used is
 * defined. System defaults (the repair patterns and their responses) are merged under the bundle, so a bundle
 * overrides one by defining a flow or response of the same name.
 */
public final class BundleLoader {

    public static final int MAX_FILES = 200;
    public static final int MAX_FILE_CHARS = 2_000_000;
    public static final int MAX_BUNDLE_CHARS = 8_000_000;
    public static final String SCHEMA_RESOURCE = "dev/confab/bundle/bundle.schema.json";
    private static final String SYSTEM_DEFAULTS = "dev/confab/bundle/system-patterns.yaml";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE),
                    SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true)
                            .build());

    private BundleLoader() {
    }

    /** The directory of a bundle that holds its conversation tests; they are not part of a release. */
    public static final String TESTS_DIRECTORY = "tests";

    /** Reads every regular file under a bundle directory (path relative to it → text), except its tests. */
    public static Map<String, String> readDirectory(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            Map<String, String> files = new TreeMap<>();
            for (Path path : paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                String name = directory.relativize(path).toString().replace('\\', '/');
                if (!name.startsWith(".") && !name.startsWith(TESTS_DIRECTORY + "/")) {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundle in " + directory, e);
        }
    }

    /** Loads a bundle from its files; throws {@link InvalidBundleException} listing every problem. */
    public static AssistantBundle load(Map<String, String> files) {
        List<BundleProblem> problems = new ArrayList<>();
        checkLimits(files, problems);
        Sections sections = new Sections();
        sections.addSystem(YamlDocument.parse("(system)/" + SYSTEM_DEFAULTS, systemDefaults(), MAX_FILE_CHARS,
                problems));
        List<YamlDocument> documents = files.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(file -> file.getKey().endsWith(".yaml") || file.getKey().endsWith(".yml"))
                .map(file -> YamlDocument.parse(file.getKey(), file.getValue(), MAX_FILE_CHARS, problems))
                .toList();
        if (documents.isEmpty()) {
            problems.add(new BundleProblem("(bundle)", 0, 0, "no .yaml files"));
        }
        failIfAny(problems);
        documents.forEach(document -> validate(document, problems));
        failIfAny(problems);
        documents.forEach(document -> sections.add(document, problems));
        if (sections.single("assistant") == null) {
            problems.add(new BundleProblem("(bundle)", 0, 0, "no file defines 'assistant' (id, version, name)"));
        }
        failIfAny(problems);

        Map<String, Flow> flows = bind(sections.named("flows"), flow -> StepReader.read(flow, problems));
        Map<String, Slot> slots = bind(sections.named("slots"), slot -> MAPPER.convertValue(slot.node(), Slot.class));
        failIfAny(problems);
        new ReferenceChecker(sections, slots, flows, files, problems).check();
        AnnotationReader.Read annotated = AnnotationReader.read(sections, problems);
        failIfAny(problems);
        return new AssistantBundle(
                MAPPER.convertValue(sections.single("assistant").node(), Assistant.class),
                bind(sections.named("intents"), intent -> withoutMarkup(MAPPER.convertValue(intent.node(),
                        Intent.class), annotated.intentTexts().get(intent.name()))),
                entities(sections, annotated.tagger()),
                slots,
                flows,
                bind(sections.named("responses"), response -> ResponseReader.read(response.node())),
                bind(sections.named("actions"), action -> MAPPER.convertValue(action.node(), Action.class)),
                sections.knowledge().stream()
                        .map(source -> MAPPER.convertValue(source.node(), KnowledgeSource.class))
                        .toList(),
                sections.single("guardrails") == null
                        ? GuardrailPolicy.defaults()
                        : MAPPER.convertValue(sections.single("guardrails").node(), GuardrailPolicy.class),
                files);
    }

    private static void checkLimits(Map<String, String> files, List<BundleProblem> problems) {
        if (files.size() > MAX_FILES) {
            problems.add(new BundleProblem("(bundle)", 0, 0, files.size() + " files; the limit is " + MAX_FILES));
        }
        long total = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String name = file.getKey();
            if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                problems.add(new BundleProblem(name, 0, 0, "file paths must be relative, with '/' separators"));
            }
            if (file.getValue().length() > MAX_FILE_CHARS) {
                problems.add(new BundleProblem(name, 0, 0, file.getValue().length() + " characters; the limit is "
                        + MAX_FILE_CHARS));
            }
            total += file.getValue().length();
        }
        if (total > MAX_BUNDLE_CHARS) {
            problems.add(new BundleProblem("(bundle)", 0, 0, total + " characters in all; the limit is "
                    + MAX_BUNDLE_CHARS));
        }
    }

    private static void validate(YamlDocument document, List<BundleProblem> problems) {
        if (!document.root().isObject()) {
            problems.add(document.problem("", "a bundle file is a mapping of sections (assistant, intents, slots, "
                    + "flows, responses, ...)"));
            return;
        }
        for (ValidationMessage message : SCHEMA.validate(document.root())) {
            String pointer = message.getInstanceLocation().toString();
            String property = message.getProperty();
            // "unknown property" and "required" name the property; point at it rather than its parent.
            if ("additionalProperties".equals(message.getType()) && property != null) {
                pointer = pointer + "/" + YamlDocument.escape(property);
            }
            problems.add(document.problem(pointer, describe(message)));
        }
    }

    private static String describe(ValidationMessage message) {
        String where = message.getInstanceLocation().toString();
        String what = message.getError();
        if ("additionalProperties".equals(message.getType())) {
            what = "unknown property '" + message.getProperty() + "'";
        }
        return (where.isEmpty() ? "" : where.substring(1).replace('/', '.') + ": ") + what;
    }

    /** The intent with its examples as the classifier reads them, without the tagger's markup. */
    private static Intent withoutMarkup(Intent intent, List<String> plainExamples) {
        return new Intent(intent.description(), intent.role(), plainExamples);
    }

    private static Entities entities(Sections sections, List<AnnotatedText> annotated) {
        Map<String, Map<String, List<String>>> lookups = new LinkedHashMap<>();
        sections.entities("lookups").forEach((name, at) -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            at.node().fields().forEachRemaining(value -> values.put(value.getKey(),
                    ResponseReader.variations(value.getValue())));
            lookups.put(name, values);
        });
        Map<String, String> patterns = new LinkedHashMap<>();
        sections.entities("patterns").forEach((name, at) -> patterns.put(name, at.node().asText()));
        String region = sections.region() == null ? null : sections.region().node().asText();
        return new Entities(region, lookups, patterns, List.copyOf(sections.modelEntities()), annotated);
    }

    private static <T> Map<String, T> bind(Map<String, Located> entries, Function<Located, T> reader) {
        Map<String, T> bound = new LinkedHashMap<>();
        entries.forEach((name, entry) -> bound.put(name, reader.apply(entry)));
        return bound;
    }

    private static void failIfAny(List<BundleProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
    }

    private static String systemDefaults() {
        try (InputStream in = BundleLoader.class.getClassLoader().getResourceAsStream(SYSTEM_DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(SYSTEM_DEFAULTS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
