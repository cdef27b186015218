package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

/** Sentence embeddings as liblinear features, for every linear model trained on them. */
public final class LinearFeatures {

    private LinearFeatures() {
    }

    /** The embedding's dimensions as features 1…n, with a constant bias feature n+1 last. */
    public static Feature[] of(float[] vector) {
        return of(vector, new Feature[0], vector.length + 1);
    }

    /** The embedding as features 1…n, then {@code more} (numbered after n), then the bias as feature {@code bias}. */
    static Feature[] of(float[] vector, Feature[] more, int bias) {
        Feature[] features = new Feature[vector.length + more.length + 1];
        for (int j = 0; j < vector.length; j++) {
            features[j] = new FeatureNode(j + 1, vector[j]);
        }
        System.arraycopy(more, 0, features, vector.length, more.length);
        features[features.length - 1] = new FeatureNode(bias, 1.0);
        return features;
    }
}
