package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.io.IOException;

/**
 * A multiclass linear SVM (Crammer-Singer, liblinear) over an utterance's features. Chosen by measurement: on
 * BANKING77 it matched logistic regression's accuracy and trained eight times faster (docs/benchmarks.md).
 */
final class LinearHead {

    private static final double STOPPING_TOLERANCE = 0.01;

    private final Model model;
    /** Class index of each column of {@link #scores}, in liblinear's label order. */
    private final int[] columnClass;

    private LinearHead(Model model) {
        this.model = model;
        this.columnClass = model.getLabels();
    }

    /** @param featureCount the highest feature index any row may use (the bias's) */
    static LinearHead train(Feature[][] rows, int featureCount, int[] classes, double cost) {
        Linear.disableDebugOutput();
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = featureCount;
        // The rows end with their own constant feature; liblinear is told so it counts it as the bias.
        problem.bias = 1;
        problem.x = rows;
        problem.y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            problem.y[i] = classes[i];
        }
        return new LinearHead(Linear.train(problem, new Parameter(SolverType.MCSVM_CS, cost, STOPPING_TOLERANCE)));
    }

    /** One decision value per class, indexed by class (not by liblinear's column order). */
    double[] scores(Feature[] row) {
        double[] columns = new double[columnClass.length];
        Linear.predictValues(model, row, columns);
        double[] byClass = new double[columnClass.length];
        for (int column = 0; column < columns.length; column++) {
            byClass[columnClass[column]] = columns[column];
        }
        return byClass;
    }

    void write(ModelOutput out) throws IOException {
        out.writeLinear(model);
    }

    static LinearHead read(ModelInput in) throws IOException {
        return new LinearHead(in.readLinear());
    }
}
