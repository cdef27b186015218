package dev.confab.guardrails.output;

import dev.confab.guardrails.Embeddings;
import dev.confab.nlu.engine.Vectors;

import java.util.Locale;
import java.util.Optional;

/**
 * A rephrasing as a whole must mean what its template means. Sentence by sentence, groundedness cannot tell: a
 * short off-message reply ("Here is what I know.") states nothing to check, yet says nothing the template says.
 */
final class Faithfulness {

    static final String NAME = "faithfulness";

    private final Embeddings embeddings;
    private final String template;
    private final double minSimilarity;

    Faithfulness(Embeddings embeddings, String template, double minSimilarity) {
        this.embeddings = embeddings;
        this.template = template;
        this.minSimilarity = minSimilarity;
    }

    /** Why the whole rephrasing must not stand, or empty when it may. */
    Optional<String> violation(String rephrasing) {
        double similarity = Vectors.dot(embeddings.embedRecurring(template), embeddings.embed(rephrasing));
        return similarity >= minSimilarity
                ? Optional.empty()
                : Optional.of(String.format(Locale.ROOT, "does not say what the template says (similarity %.2f)",
                        similarity));
    }
}
