package dev.confab.bundle.model;

import java.util.List;

/** Something users want, with the examples the NLU learns it from. */
public record Intent(String description, IntentRole role, List<String> examples) {

    public Intent {
        role = role == null ? IntentRole.TASK : role;
        examples = examples == null ? List.of() : List.copyOf(examples);
    }
}
