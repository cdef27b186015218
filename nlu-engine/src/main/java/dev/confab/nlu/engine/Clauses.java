package dev.confab.nlu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an utterance where a customer may start a second request: "block my card and order a new one", "what's my
 * balance? also, how do I top up". Only pieces of three or more words count as clauses: "my card and PIN" is one.
 * A piece that points back with "it" or "they" goes on with the request before it: "my card was stolen and I need
 * it blocked", "I ordered a card and it still isn't here".
 */
final class Clauses {

    /** At most this many clauses are classified, bounding the extra work per utterance. */
    static final int MAX_CLAUSES = 4;
    private static final int MIN_WORDS = 3;
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)[.;!?]+\\s+|,?\\s+(?:and\\s+then|and\\s+also|and|then|also|plus|as\\s+well\\s+as)\\s+|,\\s+also\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern POINTS_BACK = Pattern.compile("(?i)\\b(?:it|it's|its|they|they're|them)\\b");

    private Clauses() {
    }

    /** The clauses' spans in order; a single span covering the text when it holds one request. */
    static List<int[]> split(String text) {
        List<int[]> pieces = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(text);
        int start = 0;
        while (boundary.find()) {
            pieces.add(new int[] {start, boundary.start()});
            start = boundary.end();
        }
        pieces.add(new int[] {start, text.length()});
        List<int[]> clauses = new ArrayList<>();
        for (int[] piece : pieces) {
            String words = text.substring(piece[0], piece[1]);
            boolean longEnough = words(words) >= MIN_WORDS;
            boolean goesOn = !longEnough || POINTS_BACK.matcher(words).find();
            if (goesOn && !clauses.isEmpty()) {
                // A short tail or one about the same thing belongs to the clause before it: "block it and quickly".
                clauses.get(clauses.size() - 1)[1] = piece[1];
            } else if (longEnough || clauses.isEmpty()) {
                clauses.add(piece);
            }
        }
        if (clauses.size() > 1 && words(text.substring(clauses.get(0)[0], clauses.get(0)[1])) < MIN_WORDS) {
            clauses.get(1)[0] = clauses.remove(0)[0];
        }
        return clauses.size() > MAX_CLAUSES ? List.of(new int[] {0, text.length()}) : clauses;
    }

    private static int words(String text) {
        return (int) WORD.matcher(text).results().count();
    }
}
