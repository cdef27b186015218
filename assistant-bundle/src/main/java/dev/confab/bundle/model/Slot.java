package dev.confab.bundle.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value the assistant collects or sets.
 *
 * @param entities NLU entities that fill it; empty means the system entity of its type
 * @param values      for a category slot: value → synonyms users may say
 * @param fromIntents for a category slot: value → intents that mean it ("compromised_card" is "compromised")
 * @param remember    kept as a long-term user fact when the user has opted in
 */
public record Slot(SlotType type, String description, List<String> entities, Map<String, List<String>> values,
                   Map<String, List<String>> fromIntents, SlotValidation validation, Boolean remember) {

    public Slot {
        type = type == null ? SlotType.TEXT : type;
        entities = entities == null ? List.of() : List.copyOf(entities);
        // Kept in the bundle's order: prompts and clarifications list the values as the designer wrote them.
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        fromIntents = fromIntents == null ? Map.of() : Map.copyOf(fromIntents);
        remember = remember != null && remember;
    }

    /** The value an intent means for this slot, if the bundle says it means one. */
    public Optional<String> valueMeantBy(String intent) {
        return fromIntents.entrySet().stream()
                .filter(entry -> entry.getValue().contains(intent))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The entity names that fill this slot, in order of preference. */
    public List<String> fillingEntities() {
        if (!entities.isEmpty() || type.systemEntity() == null) {
            return entities;
        }
        return List.of(type.systemEntity());
    }
}
