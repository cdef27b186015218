package dev.confab.nlu.engine.entity;

/**
 * One entity found in an utterance.
 *
 * @param entity     the entity's name, such as {@code date} or {@code account_type}
 * @param text       the characters of the utterance it was found in
 * @param value      the normalised value (formats per system entity in the {@code message.understood} schema)
 * @param start      index of the first character of the span
 * @param end        index after the last character of the span
 * @param confidence how sure the extractor is, in [0, 1]
 */
public record EntityMatch(String entity, String text, String value, int start, int end, EntitySource source,
                          double confidence) {

    public EntityMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ") for " + entity);
        }
    }

    /** A match whose text is the span of the utterance it was found in. */
    public static EntityMatch of(String utterance, String entity, String value, int start, int end,
                                 EntitySource source, double confidence) {
        return new EntityMatch(entity, utterance.substring(start, end), value, start, end, source, confidence);
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(EntityMatch other) {
        return start < other.end && other.start < end;
    }
}
