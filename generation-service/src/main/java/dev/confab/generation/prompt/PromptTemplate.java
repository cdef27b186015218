package dev.confab.generation.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt file ({@code prompts/<task>.v<n>.txt}): lines of text with {@code {placeholders}}. A line is
 * left out when a placeholder in it has no value, or when its guard says so: {@code {?name}} keeps the line only
 * when {@code name} has a value, {@code {!name}} only when it has none. Lines starting with {@code #} are comments.
 * A changed prompt is a new file, so every generation record names the exact prompt it was made with.
 */
public final class PromptTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("persona", "instructions", "summary", "passages", "draft",
            "max_chars");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([?!]?)([a-z_]+)}");

    private final String version;
    private final List<String> lines;

    private PromptTemplate(String version, List<String> lines) {
        this.version = version;
        this.lines = lines;
    }

    /** Reads {@code prompts/<version>.txt} from the class path; an unknown placeholder is an error. */
    public static PromptTemplate load(String version) {
        String resource = "prompts/" + version + ".txt";
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No prompt file " + resource + " on the class path");
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    check(resource, line);
                    lines.add(line.stripTrailing());
                }
            }
            return new PromptTemplate(version, List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name, such as {@code answer.v2}. */
    public String version() {
        return version;
    }

    public String render(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String rendered = renderLine(line, values);
            if (rendered != null && !rendered.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(rendered);
            }
        }
        return text.toString();
    }

    /** The line with its values, or {@code null} when it is left out. */
    private static String renderLine(String line, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(line);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(2));
            boolean present = value != null && !value.isBlank();
            String guard = matcher.group(1);
            boolean keep = guard.equals("!") ? !present : present;
            if (!keep) {
                return null;
            }
            matcher.appendReplacement(rendered, guard.isEmpty() ? Matcher.quoteReplacement(value) : "");
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    private static void check(String resource, String line) {
        Matcher matcher = PLACEHOLDER.matcher(line);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(2))) {
                throw new IllegalStateException(resource + ": unknown placeholder {" + matcher.group(2) + "}; known: "
                        + PLACEHOLDERS);
            }
        }
    }
}
