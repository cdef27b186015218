package dev.confab.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a module's GraalVM reflection metadata ({@code META-INF/native-image/dev.confab/<module>/reflect-config.json},
 * read by native-image from the jar) against the Confab types Jackson reaches from the module's roots: the records'
 * components, a class's public fields, their generic arguments, nested records and enums, transitively.
 */
public final class NativeImageConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeImageConfig() {
    }

    /**
     * The module's own types (those under {@code packagePrefix}) reachable from {@code roots} that its
     * reflect-config.json does not register; types of other modules are their configs' business.
     */
    public static Set<String> unregistered(String module, String packagePrefix, Class<?>... roots) {
        Set<String> registered = registered(module);
        return reachable(roots).stream()
                .filter(name -> name.startsWith(packagePrefix))
                .filter(name -> !registered.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the module's resource-config.json includes a class-path resource, so a native executable has it. */
    public static boolean includesResource(String module, String resource) {
        JsonNode includes = read(module, "resource-config.json").path("resources").path("includes");
        return StreamSupport.stream(includes.spliterator(), false)
                .anyMatch(include -> Pattern.matches(include.path("pattern").asText(), resource));
    }

    /** The type names a module's reflect-config.json registers. */
    public static Set<String> registered(String module) {
        return StreamSupport.stream(read(module, "reflect-config.json").spliterator(), false)
                .map(entry -> entry.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode read(String module, String file) {
        String resource = "META-INF/native-image/dev.confab/" + module + "/" + file;
        try (InputStream in = NativeImageConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binary names of the Confab types Jackson reaches from the roots, roots included. */
    public static Set<String> reachable(Class<?>... roots) {
        Set<String> seen = new TreeSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(roots));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.push(parameterized.getRawType());
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> found) {
                Class<?> element = found.isArray() ? found.getComponentType() : found;
                if (element.getName().startsWith("dev.confab.") && seen.add(element.getName())) {
                    pending.addAll(members(element));
                }
            }
        }
        return seen;
    }

    private static List<Type> members(Class<?> type) {
        List<Type> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(component.getGenericType());
            }
        } else if (!type.isEnum() && !type.isInterface()) {
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    members.add(field.getGenericType());
                }
            }
        }
        return members;
    }
}
