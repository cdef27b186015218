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
 * @param channel      where the user wrote, copied from {@code user.message}
 * @param userId       the signed-in user, copied from {@code user.message}
 * @param modelReady   {@code false} when the assistant has no trained model yet, so the message was not understood
 *                     at all (no intents, no entities) rather than kept waiting; absent means ready
 * @param categories   for the assistant's category slots, the value the whole message means where one stands out;
 *                     dialog reads an answer to a category question this way when no synonym is in its words
 */
public record MessageUnderstood(String text, String language, List<IntentScore> intents, boolean outOfScope,
                                boolean ambiguous, List<IntentSpan> parts, List<EntityValue> entities,
                                String modelVersion, String channel, String userId, Boolean modelReady,
                                List<CategoryValue> categories)
        implements EventPayload {

    public MessageUnderstood {
        intents = List.copyOf(intents);
        parts = parts == null ? List.of() : List.copyOf(parts);
        entities = List.copyOf(entities);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A result of a trained model. */
    public MessageUnderstood(String text, String language, List<IntentScore> intents, boolean outOfScope,
                             boolean ambiguous, List<IntentSpan> parts, List<EntityValue> entities,
                             String modelVersion, String channel, String userId) {
        this(text, language, intents, outOfScope, ambiguous, parts, entities, modelVersion, channel, userId, null,
                List.of());
    }

    /** The message of an assistant whose model is not trained yet: nothing is understood, nothing waits. */
    public static MessageUnderstood notReady(String text) {
        return new MessageUnderstood(text, "und", List.of(), true, false, List.of(), List.of(), "none", null, null,
                false, List.of());
    }

    /** Whether a trained model read the message. */
    public boolean understoodByModel() {
        return modelReady == null || modelReady;
    }

    /** A result without sender context (the design-time parse API, tests). */
    public MessageUnderstood(String text, String language, List<IntentScore> intents, boolean outOfScope,
                             boolean ambiguous, List<IntentSpan> parts, List<EntityValue> entities,
                             String modelVersion) {
        this(text, language, intents, outOfScope, ambiguous, parts, entities, modelVersion, null, null);
    }

    /** The same result, sent by this user on this channel. */
    public MessageUnderstood from(String senderChannel, String senderId) {
        return new MessageUnderstood(text, language, intents, outOfScope, ambiguous, parts, entities, modelVersion,
                senderChannel, senderId, modelReady, categories);
    }

    /** The same result with the category values the message means. */
    public MessageUnderstood withCategories(List<CategoryValue> meant) {
        return new MessageUnderstood(text, language, intents, outOfScope, ambiguous, parts, entities, modelVersion,
                channel, userId, modelReady, meant);
    }
}
