package dev.confab.bundle.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant's own entities, on top of the system ones (dates, numbers, money, ...).
 *
 * @param region   ISO 3166 region for phone numbers written without a country code
 * @param lookups  entity → canonical value → synonyms
 * @param patterns entity → regular expression whose {@code value} group (or whole match) is the value
 * @param model    entities the NLU's trained slot tagger fills
 * @param examples utterances with entities marked, the tagger's training data: those of {@code entities.examples}
 *                 and every intent example that marks one
 */
public record Entities(String region, Map<String, Map<String, List<String>>> lookups, Map<String, String> patterns,
                       List<String> model, List<AnnotatedText> examples) {

    public Entities {
        lookups = lookups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lookups));
        patterns = patterns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(patterns));
        model = model == null ? List.of() : List.copyOf(model);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static Entities none() {
        return new Entities(null, null, null, null, null);
    }
}
