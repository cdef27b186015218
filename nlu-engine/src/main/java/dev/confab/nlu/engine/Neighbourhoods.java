package dev.confab.nlu.engine;

import java.io.IOException;

/**
 * Where each intent's examples sit in embedding space, to say how near an utterance is to what the assistant was
 * taught of the intent it was classified as: the cosine similarity to that intent's nearest example. A centroid
 * says how near it is to the intent's average example, which a short request ("never mind") or an unusual but
 * well-taught one ("I paid my landlord and he hasn't got it") is not. Cross-validated on training files
 * (docs/benchmarks.md), the nearest example beat both the centroid and the mean of the three nearest.
 */
final class Neighbourhoods {

    private final float[][][] examples;

    private Neighbourhoods(float[][][] examples) {
        this.examples = examples;
    }

    /** @param vectors unit-length embeddings of the examples, {@code classes} their intents */
    static Neighbourhoods of(float[][] vectors, int[] classes, int classCount) {
        int[] counts = new int[classCount];
        for (int intent : classes) {
            counts[intent]++;
        }
        float[][][] examples = new float[classCount][][];
        for (int intent = 0; intent < classCount; intent++) {
            examples[intent] = new float[counts[intent]][];
        }
        int[] filled = new int[classCount];
        for (int i = 0; i < vectors.length; i++) {
            examples[classes[i]][filled[classes[i]]++] = vectors[i];
        }
        return new Neighbourhoods(examples);
    }

    /** The similarity of a unit-length vector to the intent's nearest example; -1 for an intent without any. */
    double nearness(float[] vector, int intent) {
        double nearest = -1;
        for (float[] example : examples[intent]) {
            nearest = Math.max(nearest, Vectors.dot(vector, example));
        }
        return nearest;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInt(examples.length);
        for (float[][] taught : examples) {
            out.writeFloats(taught);
        }
    }

    static Neighbourhoods read(ModelInput in) throws IOException {
        float[][][] examples = new float[in.readInt()][][];
        for (int intent = 0; intent < examples.length; intent++) {
            examples[intent] = in.readFloats();
        }
        return new Neighbourhoods(examples);
    }
}
