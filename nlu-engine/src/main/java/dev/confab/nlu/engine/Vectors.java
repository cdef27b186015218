package dev.confab.nlu.engine;

/** Arithmetic on sentence embeddings, shared by everything that compares them. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product; the cosine similarity when both vectors have unit length. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The vector scaled to unit length (a zero vector stays as it is). */
    public static float[] unit(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The index of the largest value (the first of equal ones). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
