package dev.confab.nlu.engine.entity.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an utterance into the tokens the tagger labels: words (with inner apostrophes and dots, "p.m", "don't"),
 * numbers (with inner separators, "1,250.50", "9:05") and single visible symbols ("£", "."; control and format
 * characters are no tokens), each with its span.
 */
final class Tokens {

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,:]\\p{N}+)*|\\p{L}+(?:['’.]\\p{L}+)*|[^\\s\\p{L}\\p{N}\\p{C}]");

    private Tokens() {
    }

    /** Each token's {start, end}. */
    static List<int[]> of(String text) {
        List<int[]> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(new int[] {matcher.start(), matcher.end()});
        }
        return tokens;
    }
}
