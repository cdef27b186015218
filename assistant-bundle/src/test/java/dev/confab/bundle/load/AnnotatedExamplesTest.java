package dev.confab.bundle.load;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.AnnotatedText;
import dev.confab.bundle.model.AnnotatedText.Span;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bundle teaches its slot tagger with marked examples, "[£50](amount)", and a marking mistake is refused. */
class AnnotatedExamplesTest {

    private static final Path MINIMAL = Path.of("src/test/resources/bundles/minimal");

    @Test
    void readsMarkedEntitiesWithTheirOffsetsInThePlainText() {
        AnnotatedText example = AnnotatedText.parse("send [£20](amount) to [anna smith](recipient) today");

        assertThat(example.text()).isEqualTo("send £20 to anna smith today");
        assertThat(example.spans()).containsExactly(new Span("amount", 5, 8), new Span("recipient", 12, 22));
        assertThat(example.text().substring(12, 22)).isEqualTo("anna smith");
    }

    @Test
    void leavesBracketsThatMarkNothingAsText() {
        AnnotatedText example = AnnotatedText.parse("my card [the blue one] is gone");

        assertThat(example.text()).isEqualTo("my card [the blue one] is gone");
        assertThat(example.spans()).isEmpty();
    }

    @Test
    void trainsTheTaggerOnEntityExamplesAndMarkedIntentExamplesButGivesTheClassifierPlainText() {
        Map<String, String> files = files();
        files.put("slots-examples.yaml", """
                entities:
                  model: [recipient]
                  examples:
                    - "pay [tom](recipient)"
                    - "what is my balance"
                intents:
                  send_money:
                    examples: ["send [£5](money) to [lucy](recipient)", "send money"]
                """);

        AssistantBundle bundle = BundleLoader.load(files);

        assertThat(bundle.intents().get("send_money").examples()).containsExactly("send £5 to lucy", "send money");
        assertThat(bundle.entities().examples()).extracting(AnnotatedText::text)
                .containsExactly("pay tom", "what is my balance", "send £5 to lucy");
        assertThat(bundle.entities().examples().get(2).spans())
                .containsExactly(new Span("money", 5, 7), new Span("recipient", 11, 15));
    }

    @Test
    void refusesAnUnknownEntityAMalformedMarkAndAModelEntityNobodyMarked() {
        Map<String, String> files = files();
        files.put("slots-examples.yaml", """
                entities:
                  model: [recipient, payee]
                  examples:
                    - "pay [tom](recipient)"
                    - "pay [tom](recipeint)"
                intents:
                  send_money:
                    examples: ["send [£5] (money) to lucy"]
                """);

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactlyInAnyOrder(
                                "slots-examples.yaml:5:7: unknown entity 'recipeint' in an annotation: list it under "
                                        + "entities.model, or mark a system entity",
                                "slots-examples.yaml:8:16: malformed annotation at character 9: write [words](entity_name) "
                                        + "with a lower-case entity name",
                                "slots-examples.yaml:2:22: model entity 'payee' is marked in no example, so the tagger "
                                        + "cannot learn it: add examples such as \"[words](payee)\" under entities.examples"));
    }

    private static Map<String, String> files() {
        return new HashMap<>(BundleLoader.readDirectory(MINIMAL));
    }
}
