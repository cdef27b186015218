package dev.confab.contracts.event;

import java.util.List;

/**
 * What the NLU made of a user message ({@code message.understood}).
 *
 * @param intents      ranked best first with calibrated confidences; empty when no model is trained
 * @param outOfScope   the best intent is not confident enough to act on
 * @param ambiguous    the two best intents are too close to choose between without asking
 * @param parts        when the message carries several requests ("block my card and order a new one"), each one's
 *                     intent and clause, in order; empty otherwise
 * @param language     ISO 639-1 code, or {@code und} when undetermined
 * @param modelVersion version of the NLU model that produced the result
 */
public record MessageUnderstood(String text, String language, List<IntentScore> intents, boolean outOfScope,
                                boolean ambiguous, List<IntentSpan> parts, List<EntityValue> entities,
                                String modelVersion) implements EventPayload {

    public MessageUnderstood {
        intents = List.copyOf(intents);
        parts = parts == null ? List.of() : List.copyOf(parts);
        entities = List.copyOf(entities);
    }
}
