package dev.confab.nlu.engine.entity.temporal;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pattern of the temporal grammar and how a match resolves against the moment the user spoke. A resolver
 * returns empty when the words match but name no real moment ("25 o'clock"), so the match is dropped.
 */
record TemporalRule(Pattern pattern, BiFunction<Matcher, ZonedDateTime, Optional<TemporalValue>> resolver) {

    static TemporalRule of(String regex, BiFunction<Matcher, ZonedDateTime, Optional<TemporalValue>> resolver) {
        // Matches must start and end on word boundaries: "3pm" in "13pm" or "may" in "mayday" is no match.
        return new TemporalRule(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), resolver);
    }

    /** A named group's text, or null when it did not take part in the match or the rule has no such group. */
    static String group(Matcher match, String name) {
        try {
            return match.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
