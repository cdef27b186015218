package dev.confab.guardrails.output;

import java.util.Set;

/**
 * Where sentences end in streamed text: at {@code .}, {@code !}, {@code ?} or a line break once the next character
 * shows the sentence is over, so "2.5%" and "e.g. this" do not end one, and "[1]." keeps its citation.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "no", "vs",
            "approx", "incl");

    private Sentences() {
    }

    /** The index just after the first complete sentence starting at {@code from}, or -1 if none is complete yet. */
    static int endOfSentence(CharSequence text, int from) {
        for (int i = from; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c == '\n' && i > from) {
                return i + 1;
            }
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(next) && !abbreviation(text, from, i)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean abbreviation(CharSequence text, int from, int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int start = dot;
        while (start > from && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.subSequence(start, dot).toString().toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word);
    }
}
