package dev.confab.bundle.model;

import java.util.List;

/**
 * The assistant's guardrail policy, applied by generation.
 *
 * @param redactPii      hide personal data from the model behind reversible placeholders
 * @param bannedPhrases  never said, whatever the model writes
 * @param deniedTopics   topics the assistant declines
 * @param grounded       answers from knowledge must be supported by the retrieved passages
 */
public record Guardrails(Boolean redactPii, List<String> bannedPhrases, List<String> deniedTopics, Boolean grounded) {

    public Guardrails {
        redactPii = redactPii == null || redactPii;
        bannedPhrases = bannedPhrases == null ? List.of() : List.copyOf(bannedPhrases);
        deniedTopics = deniedTopics == null ? List.of() : List.copyOf(deniedTopics);
        grounded = grounded == null || grounded;
    }

    public static Guardrails defaults() {
        return new Guardrails(null, null, null, null);
    }
}
