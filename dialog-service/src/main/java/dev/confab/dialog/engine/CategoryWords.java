package dev.confab.dialog.engine;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a category's synonym in what the customer typed, word for word, forgiving a typing slip in a longer word
 * ("it was stolne", "I dont recognize it"): words of five letters or more with the same first letter may be one
 * edit apart, of eight or more two. Short words must match exactly, as "lost" and "last" are both words.
 */
final class CategoryWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

    private final List<Word> words;

    private record Word(String text, int start) {
    }

    CategoryWords(String text) {
        this.words = WORD.matcher(text.toLowerCase(Locale.ROOT)).results()
                .map(found -> new Word(found.group().replace("'", ""), found.start()))
                .toList();
    }

    /** Where the phrase starts in the text, or {@code -1} when it is not there. */
    int find(String phrase) {
        List<String> wanted = WORD.matcher(phrase.toLowerCase(Locale.ROOT)).results()
                .map(found -> found.group().replace("'", ""))
                .toList();
        if (wanted.isEmpty()) {
            return -1;
        }
        for (int at = 0; at + wanted.size() <= words.size(); at++) {
            if (matchesAt(wanted, at)) {
                return words.get(at).start();
            }
        }
        return -1;
    }

    private boolean matchesAt(List<String> wanted, int at) {
        for (int i = 0; i < wanted.size(); i++) {
            if (!close(wanted.get(i), words.get(at + i).text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(String wanted, String typed) {
        if (wanted.equals(typed)) {
            return true;
        }
        // Both words long and starting alike: "take" is a word of its own, not a slip of "taken".
        int shorter = Math.min(wanted.length(), typed.length());
        int allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
        boolean sameStart = !typed.isEmpty() && typed.charAt(0) == wanted.charAt(0);
        if (allowed == 0 || !sameStart) {
            return false;
        }
        int distance = swapped(wanted, typed) ? 1 : TWO_EDITS.apply(wanted, typed);
        return distance >= 0 && distance <= allowed;
    }

    /** Two neighbouring letters typed the wrong way round, the commonest slip: one edit, not Levenshtein's two. */
    private static boolean swapped(String wanted, String typed) {
        if (wanted.length() != typed.length()) {
            return false;
        }
        int first = 0;
        while (first < wanted.length() && wanted.charAt(first) == typed.charAt(first)) {
            first++;
        }
        return first + 1 < wanted.length()
                && wanted.charAt(first) == typed.charAt(first + 1)
                && wanted.charAt(first + 1) == typed.charAt(first)
                && wanted.substring(first + 2).equals(typed.substring(first + 2));
    }
}
