package dev.confab.nlu.engine.entity;

import java.util.List;
import java.util.Map;

/**
 * The entities an assistant defines on top of the system ones.
 *
 * @param lookups  per entity, per canonical value, its synonyms
 * @param patterns per entity, a regular expression (a {@code value} group, if present, is the value)
 * @param region   ISO 3166-1 country whose phone numbers may be written without a country prefix
 */
public record EntityDefinitions(Map<String, Map<String, List<String>>> lookups, Map<String, String> patterns,
                                String region) {

    public EntityDefinitions {
        lookups = lookups == null ? Map.of() : Map.copyOf(lookups);
        patterns = patterns == null ? Map.of() : Map.copyOf(patterns);
        region = region == null ? "GB" : region;
    }

    /** Only the system entities, reading phone numbers as British. */
    public static EntityDefinitions none() {
        return new EntityDefinitions(Map.of(), Map.of(), "GB");
    }
}
