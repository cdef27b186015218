package dev.confab.nlu.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Temperature scaling and the out-of-scope thresholds on small, hand-checked calibration sets. */
class CalibrationTest {

    @Test
    void outOfScopeInputAsConfidentAsInScopeInputIsSeparatedBySimilarity() {
        double[] inConfidence = {0.9, 0.95, 0.8, 0.85};
        double[] inSimilarity = {0.7, 0.8, 0.75, 0.65};
        boolean[] correct = {true, true, true, true};
        double[] oosConfidence = {0.9, 0.92};
        double[] oosSimilarity = {0.2, 0.3};

        Calibration.Thresholds thresholds = Calibration.thresholds(inConfidence, inSimilarity, correct,
                oosConfidence, oosSimilarity);

        assertThat(thresholds.similarity()).isGreaterThan(0.3).isLessThanOrEqualTo(0.65);
        assertThat(thresholds.confidence()).isLessThanOrEqualTo(0.8);
    }

    @Test
    void withoutOutOfScopeExamplesTheThresholdRejectsOnlyTheAllowedShareOfCorrectInput() {
        double[] confidence = new double[100];
        boolean[] correct = new boolean[100];
        for (int i = 0; i < 100; i++) {
            confidence[i] = (i + 1) / 100.0;
            correct[i] = true;
        }

        double threshold = Calibration.threshold(confidence, correct, 0.05);

        long rejected = Arrays.stream(confidence).filter(c -> c < threshold).count();
        assertThat(rejected).isLessThanOrEqualTo(5);
    }

    @Test
    void temperatureMakesConfidencesMatchHowOftenTheyAreRight() {
        // Scores that always rank the right class first by a wide margin deserve a sharp (small) temperature.
        double[][] scores = {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}};
        int[] classes = {0, 1, 2};

        double temperature = Calibration.temperature(scores, classes);

        assertThat(Calibration.softmax(scores[0], temperature)[0]).isGreaterThan(0.99);
        assertThat(Calibration.softmax(new double[] {1, 1}, temperature)[0]).isCloseTo(0.5, within(1e-9));
    }
}
