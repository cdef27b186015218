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
    void leavesWordsNoExampleWordIsOneSlipFrom() {
        assertThat(SPELLING.correct("someone nicked my wallet")).isEqualTo("someone nicked my wallet");
    }
}
