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

    /**
     * Example vectors are kept as signed bytes, a quarter of their floats (BANKING77's 10,000 examples: 3.8 MB, not
     * 15): a component of a unit vector times this, rounded, costs a nearness under 0.01.
     */
    private static final float SCALE = 127f;

    private final int dimension;
    /** Per intent, its examples' components one example after another. */
    private final byte[][] examples;

    private Neighbourhoods(int dimension, byte[][] examples) {
        this.dimension = dimension;
        this.examples = examples;
    }

    /** @param vectors unit-length embeddings of the examples, {@code classes} their intents */
    static Neighbourhoods of(float[][] vectors, int[] classes, int classCount) {
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        int[] counts = new int[classCount];
        for (int intent : classes) {
            counts[intent]++;
        }
        byte[][] examples = new byte[classCount][];
        for (int intent = 0; intent < classCount; intent++) {
            examples[intent] = new byte[counts[intent] * dimension];
        }
        int[] filled = new int[classCount];
        for (int i = 0; i < vectors.length; i++) {
            int at = filled[classes[i]]++ * dimension;
            for (int j = 0; j < dimension; j++) {
                examples[classes[i]][at + j] = (byte) Math.round(Math.max(-1f, Math.min(1f, vectors[i][j])) * SCALE);
            }
        }
        return new Neighbourhoods(dimension, examples);
    }

    /** The similarity of a unit-length vector to the intent's nearest example; -1 for an intent without any. */
    double nearness(float[] vector, int intent) {
        byte[] taught = examples[intent];
        double nearest = -1;
        for (int start = 0; start < taught.length; start += dimension) {
            double dot = 0;
            for (int j = 0; j < dimension; j++) {
                dot += vector[j] * taught[start + j];
            }
            nearest = Math.max(nearest, dot / SCALE);
        }
        return nearest;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInt(dimension);
        out.writeInt(examples.length);
        for (byte[] taught : examples) {
            out.writeBytes(taught);
        }
    }

    static Neighbourhoods read(ModelInput in) throws IOException {
        int dimension = in.readInt();
        byte[][] examples = new byte[in.readInt()][];
        for (int intent = 0; intent < examples.length; intent++) {
            examples[intent] = in.readBytes();
        }
        return new Neighbourhoods(dimension, examples);
    }
}
