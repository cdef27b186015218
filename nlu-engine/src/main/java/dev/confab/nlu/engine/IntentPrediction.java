package dev.confab.nlu.engine;

import java.util.List;

/**
 * What the classifier made of one utterance.
 *
 * @param ranking    the most likely intents, best first, with calibrated confidences
 * @param outOfScope the best intent is not confident enough: the assistant should not act on it
 * @param ambiguous  the two best intents are too close to choose between without asking
 * @param parts      when the utterance carries several requests ("block my card and order a new one"), each one's
 *                   intent and span, in order; empty otherwise
 */
public record IntentPrediction(List<IntentScore> ranking, boolean outOfScope, boolean ambiguous,
                               List<IntentSpan> parts) {

    public IntentPrediction {
        ranking = List.copyOf(ranking);
        parts = List.copyOf(parts);
    }

    /** The intent to act on, or {@link Example#OUT_OF_SCOPE}. */
    public String decision() {
        return outOfScope || ranking.isEmpty() ? Example.OUT_OF_SCOPE : ranking.get(0).intent();
    }
}
