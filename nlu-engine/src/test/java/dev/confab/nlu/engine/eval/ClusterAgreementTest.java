package dev.confab.nlu.engine.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Purity and adjusted Rand index, checked against values computed by hand. */
class ClusterAgreementTest {

    private static final List<String> LABELS = List.of("a", "a", "a", "b", "b", "b");

    @Test
    void identicalPartitionsAgreeFully() {
        List<Integer> clusters = List.of(7, 7, 7, 3, 3, 3);

        assertThat(ClusterAgreement.purity(LABELS, clusters)).isEqualTo(1.0);
        assertThat(ClusterAgreement.adjustedRandIndex(LABELS, clusters)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void oneMisplacedUtteranceLowersBoth() {
        List<Integer> clusters = List.of(0, 0, 1, 1, 1, 1);

        assertThat(ClusterAgreement.purity(LABELS, clusters)).isCloseTo(5 / 6.0, within(1e-9));
        // index 1 + 3 = 4; cluster pairs 1 + 6 = 7; label pairs 3 + 3 = 6; expected 7 * 6 / 15 = 2.8; max 6.5.
        assertThat(ClusterAgreement.adjustedRandIndex(LABELS, clusters))
                .isCloseTo((4 - 2.8) / (6.5 - 2.8), within(1e-9));
    }
}
