package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

/** Sentence embeddings as liblinear features, for every linear model trained on them. */
public final class LinearFeatures {

    private LinearFeatures() {
    }

    /** The embedding's dimensions as features 1…n, with a constant bias feature n+1 last. */
    public static Feature[] of(float[] vector) {
        Feature[] features = new Feature[vector.length + 1];
        for (int j = 0; j < vector.length; j++) {
            features[j] = new FeatureNode(j + 1, vector[j]);
        }
        features[vector.length] = new FeatureNode(vector.length + 1, 1.0);
        return features;
    }
}
