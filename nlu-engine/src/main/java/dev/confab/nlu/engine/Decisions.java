package dev.confab.nlu.engine;

import java.util.stream.IntStream;

/**
 * What a probe classifier decided on calibration utterances: per utterance the predicted intent, its confidence,
 * the similarity to that intent's nearest example and whether the prediction was right ({@code oos} ones never are).
 */
record Decisions(int[] predicted, double[] confidence, double[] similarity, boolean[] correct) {

    int size() {
        return predicted.length;
    }

    /** The decisions that predicted one intent. */
    Decisions predicting(int intent) {
        int[] chosen = IntStream.range(0, size()).filter(i -> predicted[i] == intent).toArray();
        int[] subPredicted = new int[chosen.length];
        double[] subConfidence = new double[chosen.length];
        double[] subSimilarity = new double[chosen.length];
        boolean[] subCorrect = new boolean[chosen.length];
        for (int j = 0; j < chosen.length; j++) {
            subPredicted[j] = predicted[chosen[j]];
            subConfidence[j] = confidence[chosen[j]];
            subSimilarity[j] = similarity[chosen[j]];
            subCorrect[j] = correct[chosen[j]];
        }
        return new Decisions(subPredicted, subConfidence, subSimilarity, subCorrect);
    }

    boolean anyWrong() {
        for (boolean right : correct) {
            if (!right) {
                return true;
            }
        }
        return false;
    }
}
