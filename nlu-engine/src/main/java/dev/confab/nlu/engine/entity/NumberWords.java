package dev.confab.nlu.engine.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** English number words up to ninety-nine ("seven", "twenty-five"), which customers type as often as digits. */
public final class NumberWords {

    private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    private static final Map<String, Integer> VALUES = values();

    /** A regular expression alternative matching one number word, longest forms first. */
    public static final String PATTERN = "(?:(?:" + String.join("|", TENS) + ")(?:[- ](?:"
            + String.join("|", UNITS.subList(1, 10)) + "))?|" + String.join("|", longestFirst(UNITS)) + ")";

    private NumberWords() {
    }

    /** The value of a number word or of digits; empty for anything else. */
    public static OptionalInt parse(String token) {
        String word = token.toLowerCase(Locale.ROOT).trim().replace('-', ' ');
        if (word.chars().allMatch(Character::isDigit) && !word.isEmpty() && word.length() < 10) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        Integer value = VALUES.get(word.replaceAll("\\s+", " "));
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Map<String, Integer> values() {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < UNITS.size(); i++) {
            values.put(UNITS.get(i), i);
        }
        for (int t = 0; t < TENS.size(); t++) {
            values.put(TENS.get(t), 20 + 10 * t);
            for (int u = 1; u < 10; u++) {
                values.put(TENS.get(t) + " " + UNITS.get(u), 20 + 10 * t + u);
            }
        }
        return Map.copyOf(values);
    }

    /** Longer words first, so "fourteen" is not matched as "four". */
    private static List<String> longestFirst(List<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length()).toList();
    }
}
