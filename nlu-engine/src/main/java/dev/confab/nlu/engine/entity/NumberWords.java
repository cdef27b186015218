package dev.confab.nlu.engine.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * English number words ("seven", "twenty-five", "a hundred and fifty", "fifteen hundred", "two thousand"), which
 * customers type as often as digits.
 */
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

    private static final String HUNDREDS = "(?:(?:a|" + PATTERN + ")\\s+hundred(?:\\s+(?:and\\s+)?" + PATTERN + ")?)";

    /** Like {@link #PATTERN}, and also hundreds and thousands: for amounts and counts, not for hours. */
    public static final String LARGE_PATTERN = "(?:(?:a|" + HUNDREDS + "|" + PATTERN + ")\\s+thousand"
            + "(?:,?\\s+(?:and\\s+)?(?:" + HUNDREDS + "|" + PATTERN + "))?|" + HUNDREDS + "|" + PATTERN + ")";

    private NumberWords() {
    }

    /** The value of a number word or of digits; empty for anything else. */
    public static OptionalInt parse(String token) {
        String word = token.toLowerCase(Locale.ROOT).trim().replace('-', ' ');
        if (word.chars().allMatch(Character::isDigit) && !word.isEmpty() && word.length() < 10) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        Integer value = VALUES.get(word.replaceAll("\\s+", " "));
        return value != null ? OptionalInt.of(value) : large(word);
    }

    /** "a hundred and fifty" is 150, "fifteen hundred" 1500, "two thousand five hundred" 2500. */
    private static OptionalInt large(String words) {
        int total = 0;
        int current = 0;
        boolean scaled = false;
        for (String word : words.replace(",", " ").split("\\s+")) {
            switch (word) {
                case "and" -> { }
                case "a" -> current = 1;
                case "hundred" -> {
                    current *= 100;
                    scaled = true;
                }
                case "thousand" -> {
                    total += current * 1000;
                    current = 0;
                    scaled = true;
                }
                default -> {
                    Integer value = VALUES.get(word);
                    if (value == null) {
                        return OptionalInt.empty();
                    }
                    current += value;
                }
            }
        }
        return scaled ? OptionalInt.of(total + current) : OptionalInt.empty();
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
