package dev.confab.nlu.engine;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How likely each slip is, as a thumb on a QWERTY keyboard makes them. */
class SlipsTest {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    @Test
    void keysTouchAlongARowAndAcrossStaggeredRows() {
        assertThat(Slips.neighbours('g', 'h')).isTrue();
        assertThat(Slips.neighbours('h', 'n')).isTrue();
        assertThat(Slips.neighbours('h', 'y')).isTrue();
        assertThat(Slips.neighbours('s', 'w')).isTrue();
        assertThat(Slips.neighbours('t', 'e')).isFalse();
        assertThat(Slips.neighbours('a', 'm')).isFalse();
        assertThat(Slips.neighbours('é', 'e')).isFalse();
    }

    @Test
    void aDroppedSwappedOrDoubledLetterIsLikelierThanAWrongKey() {
        Map<String, Double> meant = Slips.undoing("neew", ALPHABET);
        assertThat(meant.get("new")).isEqualTo(Slips.LIKELY);
        assertThat(meant.get("need")).isEqualTo(Slips.UNLIKELY);
        assertThat(meant.get("newe")).isEqualTo(Slips.LIKELY);
        assertThat(Slips.undoing("tht", ALPHABET).get("that")).isEqualTo(Slips.LIKELY);
        assertThat(Slips.undoing("cars", ALPHABET).get("card")).isEqualTo(Slips.NEIGHBOUR);
        assertThat(Slips.undoing("cards", ALPHABET)).doesNotContainKey("cards");
    }
}
