package dev.confab.nlu.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded typing slips of the noise-robustness figure. */
class TypoNoiseTest {

    private static final String TEXT = "Why has my new card still not arrived after waiting three weeks for it";

    @Test
    void theSameSeedGivesTheSameSlips() {
        assertThat(new TypoNoise(7).apply(TEXT)).isEqualTo(new TypoNoise(7).apply(TEXT));
    }

    @Test
    void aboutOneWordInThreeGetsOneSlipAndShortWordsNone() {
        TypoNoise noise = new TypoNoise(42);
        String[] clean = TEXT.split(" ");
        long changed = 0;
        long eligible = 0;
        for (int round = 0; round < 300; round++) {
            String[] noisy = noise.apply(TEXT).split(" ");
            assertThat(noisy).hasSameSizeAs(clean);
            for (int i = 0; i < clean.length; i++) {
                if (clean[i].length() < 3) {
                    assertThat(noisy[i]).isEqualTo(clean[i]);
                    continue;
                }
                eligible++;
                if (!noisy[i].equals(clean[i])) {
                    changed++;
                    assertThat(Math.abs(noisy[i].length() - clean[i].length())).isLessThanOrEqualTo(1);
                }
            }
        }
        assertThat(changed / (double) eligible).isBetween(0.28, 0.38);
    }

    @Test
    void punctuationAndSpacingAreKept() {
        String noisy = new TypoNoise(1).apply("card, PIN; top-up?");
        assertThat(IntStream.range(0, noisy.length()).filter(i -> ",; -?".indexOf(noisy.charAt(i)) >= 0).count())
                .isEqualTo(6);
    }
}
