package dev.confab.guardrails;

/**
 * The guardrails' thresholds, the same for every assistant (the policy of what to check is per assistant).
 *
 * @param phoneRegion        where phone numbers without a country code are from (ISO 3166)
 * @param injectionThreshold the injection classifier's probability from which a message is an attack
 * @param topicThreshold     cosine similarity to a topic from which a message is about it
 * @param groundedOverlap    share of a sentence's content words the passages must contain
 * @param groundedSimilarity cosine similarity to a passage sentence that supports a sentence otherwise
 * @param rephraseSimilarity cosine similarity to its template a whole rephrasing must have
 */
public record GuardrailSettings(String phoneRegion, double injectionThreshold, double topicThreshold,
                                double groundedOverlap, double groundedSimilarity, double rephraseSimilarity) {
}
