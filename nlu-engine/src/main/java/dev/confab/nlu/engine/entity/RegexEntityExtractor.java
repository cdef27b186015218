package dev.confab.nlu.engine.entity;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The assistant's pattern entities, such as an order reference {@code ORD-[0-9]{6}}. The value is the matched text,
 * or its {@code value} group when the pattern has one. Patterns are RE2 (linear-time), since a designer wrote them
 * and every message runs them.
 */
public final class RegexEntityExtractor implements EntityExtractor {

    private final Map<String, Pattern> patterns;

    public RegexEntityExtractor(Map<String, Pattern> patterns) {
        this.patterns = Map.copyOf(patterns);
    }

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<EntityMatch> matches = new ArrayList<>();
        patterns.forEach((entity, pattern) -> {
            boolean valueGroup = pattern.pattern().contains("(?<value>");
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String value = valueGroup ? matcher.group("value") : matcher.group();
                if (matcher.end() > matcher.start() && value != null) {
                    matches.add(EntityMatch.of(text, entity, value, matcher.start(), matcher.end(),
                            EntitySource.RULE, 1.0));
                }
            }
        });
        return matches;
    }
}
