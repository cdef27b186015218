package dev.confab.nlu.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The words a typed word may have been meant as, one slip away, each with how likely a thumb is to make that slip:
 * a dropped letter, two letters swapped or a letter doubled are the commonest; a key next to the meant one, pressed
 * instead or as well, is less common; any other letter is rare. So "neew" is "new" (doubled) rather than "need",
 * and "tht" is "that" (dropped) rather than "the" (t and e are not neighbours).
 */
final class Slips {

    /** A dropped, swapped or doubled letter. */
    static final double LIKELY = 1.0;
    /** A neighbouring key pressed instead of the meant one, or as well as it. */
    static final double NEIGHBOUR = 0.5;
    /** Any other wrong or extra letter. */
    static final double UNLIKELY = 0.1;

    private static final String[] QWERTY = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private Slips() {
    }

    /** Every string one slip from {@code typed} (lower case), with the likelihood of the likeliest such slip. */
    static Map<String, Double> undoing(String typed, char[] alphabet) {
        Map<String, Double> meant = new HashMap<>();
        for (int i = 0; i <= typed.length(); i++) {
            String head = typed.substring(0, i);
            String tail = typed.substring(i);
            for (char letter : alphabet) {
                meant.merge(head + letter + tail, LIKELY, Math::max);
                if (!tail.isEmpty() && letter != tail.charAt(0)) {
                    meant.merge(head + letter + tail.substring(1),
                            neighbours(letter, tail.charAt(0)) ? NEIGHBOUR : UNLIKELY, Math::max);
                }
            }
            if (!tail.isEmpty()) {
                meant.merge(head + tail.substring(1), extra(typed, i), Math::max);
            }
            if (tail.length() > 1) {
                meant.merge(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2), LIKELY, Math::max);
            }
        }
        meant.remove(typed);
        return meant;
    }

    /** How likely the letter at {@code at} is an extra one: a doubled letter, or a neighbour's key caught too. */
    private static double extra(String typed, int at) {
        char letter = typed.charAt(at);
        char before = at > 0 ? typed.charAt(at - 1) : 0;
        char after = at + 1 < typed.length() ? typed.charAt(at + 1) : 0;
        if (letter == before || letter == after) {
            return LIKELY;
        }
        return neighbours(letter, before) || neighbours(letter, after) ? NEIGHBOUR : UNLIKELY;
    }

    /** Whether two letters' keys touch on a QWERTY keyboard (rows staggered by half a key). */
    static boolean neighbours(char a, char b) {
        int[] at = position(a);
        int[] bt = position(b);
        if (at == null || bt == null) {
            return false;
        }
        // Columns in half keys: each row starts half a key right of the one above.
        int rows = Math.abs(at[0] - bt[0]);
        int halves = Math.abs((2 * at[1] + at[0]) - (2 * bt[1] + bt[0]));
        return rows == 0 && halves == 2 || rows == 1 && halves == 1;
    }

    private static int[] position(char letter) {
        for (int row = 0; row < QWERTY.length; row++) {
            int column = QWERTY[row].indexOf(letter);
            if (column >= 0) {
                return new int[] {row, column};
            }
        }
        return null;
    }
}
