package dev.confab.nlu.engine;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Free-text answers read as a category slot's value by what they mean, with the real sentence encoder. */
class CategoryReaderTest {

    private static final SentenceEncoder ENCODER = new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q);
    private static final CategoryReader READER = CategoryReader.learn(Map.of("dispute_reason", reasons()), ENCODER);

    private static Map<String, List<String>> reasons() {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        reasons.put("not_recognised", List.of("don't recognise", "not me", "never signed up", "unknown"));
        reasons.put("charged_twice", List.of("twice", "double", "duplicate", "charged again"));
        reasons.put("wrong_amount", List.of("wrong amount", "too much", "overcharged", "charged more"));
        reasons.put("not_received", List.of("never arrived", "not received", "never came", "not delivered"));
        return reasons;
    }

    private static List<String> read(String text) {
        return READER.read(ENCODER.encode(text)).stream()
                .map(reading -> reading.slot() + "=" + reading.value())
                .toList();
    }

    @Test
    void readsAnAnswerWhoseWordsAreNoSynonym() {
        assertThat(read("the parcel never turned up")).containsExactly("dispute_reason=not_received");
        assertThat(read("they took it two times")).containsExactly("dispute_reason=charged_twice");
    }

    @Test
    void leavesAMessageAboutSomethingElseUnread() {
        assertThat(read("what's the weather like in Paris tomorrow")).isEmpty();
        assertThat(read("how do I change my address")).isEmpty();
    }
}
