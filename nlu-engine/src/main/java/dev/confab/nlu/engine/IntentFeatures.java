package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;

import java.io.IOException;
import java.util.List;

/**
 * What the intent head reads of an utterance: its sentence embedding (features 1…d), its lexical features when
 * the classifier uses them (d+1…d+v), and a constant bias feature last.
 */
final class IntentFeatures {

    private final int dimensions;
    private final LexicalFeatures lexical;

    private IntentFeatures(int dimensions, LexicalFeatures lexical) {
        this.dimensions = dimensions;
        this.lexical = lexical;
    }

    /** Learns the lexical vocabulary of the training texts, unless {@code lexicalWeight} is 0 (embedding only). */
    static IntentFeatures learn(List<String> texts, int dimensions, double lexicalWeight) {
        return new IntentFeatures(dimensions,
                lexicalWeight > 0 ? LexicalFeatures.learn(texts, dimensions, lexicalWeight) : null);
    }

    /** How many features a row has, the bias included. */
    int count() {
        return dimensions + (lexical == null ? 0 : lexical.size()) + 1;
    }

    Feature[] row(String text, float[] vector) {
        return LinearFeatures.of(vector, lexical == null ? new Feature[0] : lexical.of(text), count());
    }

    Feature[][] rows(List<String> texts, float[][] vectors) {
        Feature[][] rows = new Feature[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            rows[i] = row(texts.get(i), vectors[i]);
        }
        return rows;
    }

    void write(ModelOutput out) throws IOException {
        out.writeInt(dimensions);
        out.writeBoolean(lexical != null);
        if (lexical != null) {
            lexical.write(out);
        }
    }

    static IntentFeatures read(ModelInput in) throws IOException {
        int dimensions = in.readInt();
        return new IntentFeatures(dimensions, in.readBoolean() ? LexicalFeatures.read(in) : null);
    }
}
