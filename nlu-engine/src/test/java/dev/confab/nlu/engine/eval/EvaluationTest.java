package dev.confab.nlu.engine.eval;

import dev.confab.nlu.engine.entity.tagger.Slot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evaluation figures, checked by hand on small examples. */
class EvaluationTest {

    @Test
    void scoresAccuracyOutOfScopeAndPerIntentFigures() {
        List<Set<String>> gold = List.of(Set.of("a"), Set.of("a"), Set.of("b"), Set.of("b"), Set.of(), Set.of());
        List<Set<String>> predicted = List.of(Set.of("a"), Set.of(), Set.of("b"), Set.of("a"), Set.of(),
                Set.of("b"));
        List<String> best = List.of("a", "a", "b", "a", "c", "b");

        Map<String, Object> report = Evaluation.score(gold, predicted, best, null,
                new double[] {1, 2, 3, 4, 5, 100});

        assertThat((double) report.get("accuracy")).isCloseTo(3 / 6.0, within(1e-9));
        assertThat((double) report.get("in_scope_accuracy")).isCloseTo(2 / 4.0, within(1e-9));
        assertThat((double) report.get("top1_accuracy")).isCloseTo(3 / 4.0, within(1e-9));
        assertThat((double) report.get("oos_recall")).isCloseTo(1 / 2.0, within(1e-9));
        assertThat((double) report.get("oos_precision")).isCloseTo(1 / 2.0, within(1e-9));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perIntent = (Map<String, Map<String, Object>>) report.get("per_intent");
        assertThat((double) perIntent.get("a").get("precision")).isCloseTo(1 / 2.0, within(1e-9));
        assertThat((double) perIntent.get("a").get("recall")).isCloseTo(1 / 2.0, within(1e-9));
        assertThat(perIntent.get("b").get("support")).isEqualTo(2);
        assertThat(report.get("latency_ms_p50")).isEqualTo(3.0);
        assertThat(report.get("latency_ms_p99")).isEqualTo(100.0);
        assertThat(report).containsKey("slot_f1").containsKey("confusions").containsKey("macro_f1");
    }

    @Test
    void outOfScopeFiguresAreAbsentWithoutOutOfScopeUtterances() {
        Map<String, Object> report = Evaluation.score(List.of(Set.of("a"), Set.of("b")),
                List.of(Set.of("a"), Set.of("b")), List.of("a", "b"), null, new double[] {1, 1});

        assertThat(report.get("oos_recall")).isNull();
        assertThat(report.get("oos_precision")).isNull();
        assertThat((double) report.get("accuracy")).isEqualTo(1.0);
        assertThat(report.get("slot_f1")).isNull();
    }

    @Test
    void multiLabelUtterancesNeedTheWholeSetAndSlotsTheExactSpan() {
        List<Set<String>> gold = List.of(Set.of("card", "lost"), Set.of("card"));
        List<Set<String>> predicted = List.of(Set.of("card", "lost"), Set.of("card", "new"));
        SlotScore slots = SlotScore.of(
                List.of(List.of(new Slot("date", 10, 19)), List.of(new Slot("amount", 0, 4), new Slot("date", 8, 12))),
                List.of(List.of(new Slot("date", 10, 19)), List.of(new Slot("amount", 0, 3))));

        Map<String, Object> report = Evaluation.score(gold, predicted, null, slots, new double[] {1, 1});

        assertThat((double) report.get("accuracy")).isEqualTo(0.5);
        assertThat(report.get("top1_accuracy")).isNull();
        assertThat((double) report.get("slot_precision")).isCloseTo(1 / 2.0, within(1e-9));
        assertThat((double) report.get("slot_recall")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat((double) report.get("slot_f1")).isCloseTo(0.4, within(1e-9));
        assertThat(report.get("confusions")).asList()
                .containsExactly(Map.of("gold", "(none)", "predicted", "new", "count", 1));
    }
}
