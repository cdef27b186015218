package dev.confab.nlu.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evaluation figures, checked by hand on a small confusion. */
class EvaluationTest {

    @Test
    void scoresAccuracyOutOfScopeAndPerIntentFigures() {
        List<String> gold = List.of("a", "a", "b", "b", "oos", "oos");
        List<String> predicted = List.of("a", "oos", "b", "a", "oos", "b");
        List<String> best = List.of("a", "a", "b", "a", "c", "b");

        Map<String, Object> report = Evaluation.score(gold, predicted, best, new double[] {1, 2, 3, 4, 5, 100});

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
        Map<String, Object> report = Evaluation.score(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"),
                new double[] {1, 1});

        assertThat(report.get("oos_recall")).isNull();
        assertThat(report.get("oos_precision")).isNull();
        assertThat((double) report.get("accuracy")).isEqualTo(1.0);
    }
}
