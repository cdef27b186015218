package dev.confab.nlu.engine.eval;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded typing mistakes for the noise-robustness figure: about one word in three of three or more letters gets
 * one slip (two neighbouring letters swapped, a letter dropped, or a letter doubled), the mistakes customers make
 * on a phone keyboard. The same seed and text give the same noisy text.
 */
final class TypoNoise {

    /** Share of eligible words that get a slip. */
    static final double WORD_RATE = 1.0 / 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

    private final Random random;

    TypoNoise(long seed) {
        this.random = new Random(seed);
    }

    String apply(String text) {
        Matcher words = WORD.matcher(text);
        StringBuilder noisy = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            words.appendReplacement(noisy, Matcher.quoteReplacement(
                    random.nextDouble() < WORD_RATE ? slip(word) : word));
        }
        words.appendTail(noisy);
        return noisy.toString();
    }

    private String slip(String word) {
        int at = random.nextInt(word.length() - 1);
        int kind = random.nextInt(3);
        // Swapping two equal letters changes nothing; drop one instead, so every chosen word really has a slip.
        if (kind == 0 && word.charAt(at) == word.charAt(at + 1)) {
            kind = 1;
        }
        return switch (kind) {
            case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            default -> word.substring(0, at + 1) + word.charAt(at) + word.substring(at + 1);
        };
    }
}
