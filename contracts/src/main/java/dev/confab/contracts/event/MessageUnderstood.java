package dev.confab.contracts.event;

import java.util.List;

/**
 * What the NLU made of a user message ({@code message.understood}).
 *
 * @param intents      ranked best first; empty when the model found nothing in scope
 * @param language     ISO 639-1 code, or {@code und} when undetermined
 * @param modelVersion version of the NLU model that produced the result
 */
public record MessageUnderstood(String text, String language, List<IntentScore> intents, List<EntityValue> entities,
                                String modelVersion) implements EventPayload {

    public MessageUnderstood {
        intents = List.copyOf(intents);
        entities = List.copyOf(entities);
    }
}
