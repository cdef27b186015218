package dev.confab.guardrails.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.confab.nlu.engine.LinearFeatures;
import dev.confab.nlu.engine.Vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Logistic regression over sentence embeddings that tells an attempt to manipulate the assistant from an ordinary
 * customer message, for the paraphrases no rule anticipates. Trained offline by {@code bin/guardrail-train} on
 * written attacks against CLINC150's everyday requests and look-alikes; what ships is its weights.
 *
 * @param weights one per embedding dimension
 * @param bias    the intercept
 * @param trainedOn how many attacks and ordinary messages it was trained on, for the record
 */
public record InjectionClassifier(float[] weights, double bias, String trainedOn) {

    public static final String RESOURCE = "dev/confab/guardrails/injection-classifier.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 0.001;

    /** The probability that a message (as a unit-length embedding) is an attack. */
    public double probability(float[] vector) {
        return 1 / (1 + Math.exp(-(Vectors.dot(weights, vector) + bias)));
    }

    /** Trains with both classes weighted equally overall, however unequal their sizes. */
    public static InjectionClassifier train(List<float[]> attacks, List<float[]> ordinary, double cost) {
        Linear.disableDebugOutput();
        Problem problem = new Problem();
        problem.l = attacks.size() + ordinary.size();
        problem.n = attacks.get(0).length + 1;
        problem.bias = 1;
        problem.x = new Feature[problem.l][];
        problem.y = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            boolean attack = i < attacks.size();
            problem.x[i] = LinearFeatures.of(attack ? attacks.get(i) : ordinary.get(i - attacks.size()));
            problem.y[i] = attack ? 1 : 0;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, cost, TOLERANCE);
        parameter.setWeights(new double[] {ordinary.size() / (double) attacks.size(), 1}, new int[] {1, 0});
        Model model = Linear.train(problem, parameter);
        double[] raw = model.getFeatureWeights();
        // liblinear stores the weights of its first label; flip them when that label is "ordinary".
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        float[] weights = new float[problem.n - 1];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (float) (sign * raw[j]);
        }
        return new InjectionClassifier(weights, sign * raw[problem.n - 1],
                attacks.size() + " attacks, " + ordinary.size() + " ordinary messages");
    }

    public static InjectionClassifier load() {
        try (InputStream in = InjectionClassifier.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path: run bin/guardrail-train");
            }
            return JSON.readValue(in, InjectionClassifier.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
