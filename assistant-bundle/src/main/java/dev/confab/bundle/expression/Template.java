package dev.confab.bundle.expression;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Response and prompt templates: {@code {name}} is replaced by a slot or context value; {@code {{}} is a brace. */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|\\{([a-z][a-z0-9_]*)}");

    private Template() {
    }

    /** The names a template refers to. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Fills the placeholders; a name without a value renders as nothing rather than as {@code {name}}. */
    public static String render(String template, Function<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) == null) {
                replacement = "{";
            } else {
                String value = values.apply(matcher.group(1));
                replacement = value == null ? "" : value;
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString().replaceAll(" {2,}", " ").strip();
    }
}
