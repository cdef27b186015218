package dev.confab.guardrails.input;

import dev.confab.nlu.engine.entity.EntityMatch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reversible mapping between a conversation's personal data and the placeholders the model sees instead
 * ({@code [EMAIL_1]}, {@code [PHONE_1]}…). The same value gets the same placeholder in every message, so the model
 * can still refer to it; the user sees the real value again when the answer is streamed back.
 */
public final class Placeholders {

    /** What a placeholder looks like in the model's output. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z_]+)_(\\d{1,3})]");

    private final PiiFinder finder;
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    public Placeholders(PiiFinder finder) {
        this.finder = finder;
    }

    /** The text with every piece of personal data replaced by its placeholder. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<EntityMatch> matches = finder.find(text);
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder redacted = new StringBuilder();
        int at = 0;
        for (EntityMatch match : matches) {
            redacted.append(text, at, match.start()).append(placeholder(match));
            at = match.end();
        }
        return redacted.append(text.substring(at)).toString();
    }

    /** The text with every known placeholder replaced by the value it stands for; unknown ones are left. */
    public String restore(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder restored = new StringBuilder();
        while (matcher.find()) {
            String value = byPlaceholder.get(matcher.group());
            matcher.appendReplacement(restored, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(restored).toString();
    }

    /** How many distinct values were hidden. */
    public int size() {
        return byPlaceholder.size();
    }

    /** Whether the user gave this value themselves (so repeating it back is no leak). */
    public boolean isUsers(EntityMatch match) {
        return byValue.containsKey(key(match));
    }

    private String placeholder(EntityMatch match) {
        return byValue.computeIfAbsent(key(match), key -> {
            String kind = match.entity().toUpperCase(Locale.ROOT);
            String placeholder = "[" + kind + "_" + counters.merge(kind, 1, Integer::sum) + "]";
            byPlaceholder.put(placeholder, match.text());
            return placeholder;
        });
    }

    private static String key(EntityMatch match) {
        return match.entity() + ':' + match.value();
    }
}
