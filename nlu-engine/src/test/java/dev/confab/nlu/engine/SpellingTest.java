package dev.confab.nlu.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing slips mended against an assistant's own words, and real words left alone. */
class SpellingTest {

    private static final Spelling SPELLING = Spelling.learn(List.of("I lost my card", "my card was stolen",
            "change my PIN", "I lost my phone", "top up my account by card"), Set.of("weather", "cards"));

    @Test
    void mendsEachKindOfSlipToTheAssistantsWord() {
        assertThat(SPELLING.correct("i lsot my card")).isEqualTo("i lost my card");
        assertThat(SPELLING.correct("chnage my pin")).isEqualTo("change my pin");
        assertThat(SPELLING.correct("my crd was stollen")).isEqualTo("my card was stolen");
        assertThat(SPELLING.correct("top uup my acount")).isEqualTo("top up my account");
    }

    @Test
    void leavesPunctuationCaseAndKnownWordsAsTheyWere() {
        assertThat(SPELLING.correct("Lost my CARD, what's the weather? my crad")).isEqualTo("Lost my CARD, what's the weather? my card");
        // "cards" is one slip from "card", but a word in its own right.
        assertThat(SPELLING.correct("two cards")).isEqualTo("two cards");
        // A capitalised word is taken for a name, not a slip, unless it opens a sentence of three words or more.
        assertThat(SPELLING.correct("Lsot at Cadr")).isEqualTo("Lost at Cadr");
        assertThat(SPELLING.correct("Lsot Cadr")).isEqualTo("Lsot Cadr");
    }

    @Test
    void choosesTheWordAThumbMostLikelyMeant() {
        Spelling spelling = Spelling.learn(List.of("I need a new card", "I need to top up", "I need help",
                "what is the fee", "the card is the one", "is that the fee"), Set.of());
        // "need" is the more frequent word, but "neew" is "new" with a doubled letter, not "need" with a far key.
        assertThat(spelling.correct("i want a neew card")).isEqualTo("i want a new card");
        // "tht" is "that" missing a letter rather than "the" with a wrong one (t and e are not neighbours).
        assertThat(spelling.correct("is tht right")).isEqualTo("is that right");
    }

    @Test
    void mendsATwoLetterWordOnlyToOneItLostALetterOfOrSwapped() {
        assertThat(SPELLING.correct("my card ws stolen")).isEqualTo("my card was stolen");
        assertThat(SPELLING.correct("tp up my account")).isEqualTo("top up my account");
        assertThat(SPELLING.correct("ym card")).isEqualTo("my card");
        // "mu" could be "my" with a wrong key, but two letters are too few to guess from.
        assertThat(SPELLING.correct("mu card")).isEqualTo("mu card");
    }

    @Test
    void leavesWordsNoExampleWordIsOneSlipFrom() {
        assertThat(SPELLING.correct("someone nicked my wallet")).isEqualTo("someone nicked my wallet");
    }
}
