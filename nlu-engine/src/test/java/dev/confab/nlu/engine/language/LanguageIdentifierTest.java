package dev.confab.nlu.engine.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Utterances get the language they are written in, among the expected ones, or {@code und}. */
class LanguageIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier(List.of("en", "fr", "de", "es"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I lost my card yesterday, can you block it? | en
            bloquer ma carte s'il vous plaît            | fr
            meine Karte sperren bitte                   | de
            ¿dónde está mi tarjeta?                     | es
            你好，我的卡丢了                               | und
            💳💳                                         | und
            """)
    void identifiesTheLanguage(String text, String language) {
        assertThat(IDENTIFIER.identify(text)).isEqualTo(language);
    }

    @Test
    void unknownCodesAreRejected() {
        assertThatThrownBy(() -> new LanguageIdentifier(List.of("en", "xx")))
                .hasMessageContaining("xx");
    }
}
