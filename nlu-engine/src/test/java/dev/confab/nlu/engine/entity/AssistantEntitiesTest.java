package dev.confab.nlu.engine.entity;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The assistant's lookup tables (synonyms, typos) and patterns. */
class AssistantEntitiesTest {

    private final EntityRecognizer recognizer = EntityRecognizer.of(new EntityDefinitions(
            Map.of("account_type", Map.of(
                    "checking", List.of("current account", "checking account"),
                    "savings", List.of("savings account", "saver"))),
            Map.of("order_reference", "ORD-(?<value>[0-9]{6})"),
            "GB"));

    @Test
    void synonymsResolveToTheirCanonicalValue() {
        assertThat(recognizer.recognize("Close my Current Account please", ZonedDateTime.now()))
                .extracting(EntityMatch::entity, EntityMatch::text, EntityMatch::value, EntityMatch::source,
                        EntityMatch::confidence)
                .containsExactly(tuple("account_type", "Current Account", "checking", EntitySource.LOOKUP, 1.0));
    }

    @Test
    void typosAreForgivenWithLowerConfidence() {
        List<EntityMatch> matches = recognizer.recognize("move it to my savigns account", ZonedDateTime.now());

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.value()).isEqualTo("savings");
            assertThat(match.confidence()).isBetween(0.8, 0.99);
        });
    }

    @Test
    void shortWordsMustMatchExactly() {
        assertThat(recognizer.recognize("a sever problem", ZonedDateTime.now())).isEmpty();
    }

    @Test
    void patternsTakeTheirValueGroup() {
        assertThat(recognizer.recognize("where is ord-123456?", ZonedDateTime.now()))
                .extracting(EntityMatch::entity, EntityMatch::value, EntityMatch::source)
                .containsExactly(tuple("order_reference", "123456", EntitySource.RULE));
    }

    @Test
    void anInvalidPatternIsNamed() {
        assertThatThrownBy(() -> EntityRecognizer.of(new EntityDefinitions(Map.of(), Map.of("broken", "([a-z"),
                "GB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken");
    }
}
