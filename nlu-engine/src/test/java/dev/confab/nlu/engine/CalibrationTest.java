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
                oosConfidence, oosSimilarity, Calibration.Weights.of(4, 2, 0.2));

        assertThat(thresholds.similarity()).isGreaterThan(0.3).isLessThanOrEqualTo(0.65);
        assertThat(thresholds.confidence()).isLessThanOrEqualTo(0.8);
    }

    @Test
    void outOfScopeExamplesLookingLikeRequestsNeverMakeTheThresholdRejectMoreThanItsShareOfCorrectInput() {
        // A hundred correct requests spread over confidences 0.01…1.0, and oos examples as confident as the best of
        // them: rejecting the oos ones would reject nearly every request. The cap keeps 95% accepted.
        double[] inConfidence = new double[100];
        double[] inSimilarity = new double[100];
        boolean[] correct = new boolean[100];
        for (int i = 0; i < 100; i++) {
            inConfidence[i] = (i + 1) / 100.0;
            inSimilarity[i] = 0.8;
            correct[i] = true;
        }
        double[] oosConfidence = {0.99, 0.995, 1.0};
        double[] oosSimilarity = {0.8, 0.8, 0.8};

        Calibration.Thresholds thresholds = Calibration.thresholds(inConfidence, inSimilarity, correct,
                oosConfidence, oosSimilarity, Calibration.Weights.of(100, 3, 0.9));

        long rejected = Arrays.stream(inConfidence).filter(c -> c < thresholds.confidence()).count();
        assertThat(rejected).isLessThanOrEqualTo(5);
    }

    @Test
    void theAssumedOutOfScopeShareDecidesHowManyRequestsAnOutOfScopeExampleOutweighs() {
        // Ten requests at confidence 0.5, one oos example at 0.49 and one at 0.6: rejecting the 0.6 one costs all
        // ten requests, which only pays when out-of-scope traffic is assumed common.
        double[] inConfidence = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98,
            0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99};
        double[] inSimilarity = new double[inConfidence.length];
        boolean[] correct = new boolean[inConfidence.length];
        Arrays.fill(inSimilarity, 0.8);
        Arrays.fill(correct, true);
        double[] oosConfidence = {0.49, 0.6};
        double[] oosSimilarity = {0.8, 0.8};

        Calibration.Thresholds rare = Calibration.thresholds(inConfidence, inSimilarity, correct, oosConfidence,
                oosSimilarity, Calibration.Weights.of(30, 2, 0.05));

        assertThat(rare.confidence()).isGreaterThan(0.49).isLessThanOrEqualTo(0.5);
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
