package dev.confab.bundle.expression;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Branch conditions and templates, as designers write them. */
class ConditionTest {

    private final Map<String, Object> slots = new HashMap<>(Map.of(
            "amount", "150.00 GBP", "reason", "Stolen", "count", new BigDecimal("3"), "confirmed", true));

    @Test
    void comparesAmountsByTheirNumberAndTextIgnoringCase() {
        assertThat(test("slots.amount > 100")).isTrue();
        assertThat(test("slots.amount <= 100")).isFalse();
        assertThat(test("slots.reason == 'stolen'")).isTrue();
        assertThat(test("slots.count == 3 and slots.confirmed")).isTrue();
        assertThat(test("slots.reason in ['lost', \"stolen\"]")).isTrue();
    }

    @Test
    void treatsMissingSlotsAsUnsetAndFalse() {
        assertThat(test("slots.card is not set")).isTrue();
        assertThat(test("slots.card is set or slots.amount > 1000")).isFalse();
        assertThat(test("not slots.card")).isTrue();
        assertThat(test("slots.card > 5")).isFalse();
        assertThat(test("(slots.card == null) and not (slots.count < 2)")).isTrue();
    }

    @Test
    void namesTheSlotsItReads() {
        assertThat(Condition.parse("slots.a > 1 or (slots.b is set and not slots.c)").slots())
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void pointsAtSyntaxErrors() {
        assertThatThrownBy(() -> Condition.parse("slots.a >"))
                .hasMessage("the condition ends too early at character 10");
        assertThatThrownBy(() -> Condition.parse("slots.a == 'x' slots.b"))
                .hasMessage("unexpected 'slots.b' at character 16");
        assertThatThrownBy(() -> Condition.parse("amount > 3"))
                .hasMessageStartingWith("expected slots.<name>, a quoted text");
        assertThatThrownBy(() -> Condition.parse("slots.a is empty"))
                .hasMessage("expected 'set' before 'empty' at character 12");
    }

    @Test
    void rendersTemplatesWithSlotValues() {
        assertThat(Template.render("Card ending {card}, {{braces}.", Map.of("card", "1234")::get))
                .isEqualTo("Card ending 1234, {braces}.");
        assertThat(Template.render("Hello {name}, welcome.", name -> null)).isEqualTo("Hello , welcome.");
        assertThat(Template.placeholders("{a} and {b_2} but not {{c}")).containsExactly("a", "b_2");
    }

    private boolean test(String condition) {
        return Condition.parse(condition).test(slots::get);
    }
}
