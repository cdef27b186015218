package dev.confab.nlu.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the classifier made of one utterance.
 *
 * @param ranking    the most likely intents, best first, with calibrated confidences
 * @param outOfScope the best intent is not confident enough: the assistant should not act on it
 * @param ambiguous  the two best intents are too close to choose between without asking
 * @param parts      when the utterance carries several requests ("block my card and order a new one"), each one's
 *                   intent and span, in order; empty otherwise
 * @param embedding  the sentence embedding of the utterance as classified (typing slips mended), for readers that
 *                   compare it with other texts, such as a {@link CategoryReader}
 */
public record IntentPrediction(List<IntentScore> ranking, boolean outOfScope, boolean ambiguous,
                               List<IntentSpan> parts, float[] embedding) {

    public IntentPrediction {
        ranking = List.copyOf(ranking);
        parts = List.copyOf(parts);
    }

    /** Equal predictions have equal embeddings, not the same array. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IntentPrediction that && ranking.equals(that.ranking) && outOfScope == that.outOfScope
                && ambiguous == that.ambiguous && parts.equals(that.parts) && Arrays.equals(embedding, that.embedding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranking, outOfScope, ambiguous, parts, Arrays.hashCode(embedding));
    }

    /** The intent to act on, or {@link Example#OUT_OF_SCOPE}. */
    public String decision() {
        return outOfScope || ranking.isEmpty() ? Example.OUT_OF_SCOPE : ranking.get(0).intent();
    }
}
