package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lexical features the intent head reads beside the embedding. */
class LexicalFeaturesTest {

    private static final List<String> TEXTS = List.of("top up my account", "top up by card", "I lost my card",
            "my card is lost", "change my PIN", "change the PIN on my card");

    @Test
    void featuresAreNumberedAfterTheEmbeddingInIncreasingOrderWithTheChosenNorm() {
        LexicalFeatures lexical = LexicalFeatures.learn(TEXTS, 384, 0.5);

        Feature[] features = lexical.of("top up my card");

        assertThat(features).isNotEmpty();
        assertThat(Arrays.stream(features).mapToInt(Feature::getIndex))
                .allMatch(index -> index > 384 && index <= 384 + lexical.size())
                .isSorted();
        double norm = Math.sqrt(Arrays.stream(features).mapToDouble(f -> f.getValue() * f.getValue()).sum());
        assertThat(norm).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aTypoStillSharesCharacterGramsWithTheWordItMisspells() {
        LexicalFeatures lexical = LexicalFeatures.learn(TEXTS, 0, 1);

        Set<Integer> typed = indexes(lexical.of("lsot"));
        Set<Integer> meant = indexes(lexical.of("lost"));

        assertThat(typed).isNotEmpty();
        assertThat(meant).containsAll(typed);
    }

    @Test
    void wordsAndBigramsOnlyOneUtteranceUsesAreNotFeatures() {
        LexicalFeatures lexical = LexicalFeatures.learn(TEXTS, 0, 1);

        assertThat(LexicalFeatures.grams("top up")).containsKeys("w top", "w up", "b top up", "c t", "cto", "c up");
        assertThat(lexical.of("qqq")).isEmpty();
        assertThat(lexical.of("account")).hasSizeLessThan(LexicalFeatures.grams("account").size());
    }

    private static Set<Integer> indexes(Feature[] features) {
        return Arrays.stream(features).map(Feature::getIndex).collect(Collectors.toSet());
    }
}
