package dev.confab.bundle.model;

import java.util.List;

/**
 * The assistant's guardrail policy, applied by generation.
 *
 * @param redactPii      hide personal data from the model behind reversible placeholders
 * @param bannedPhrases  never said, whatever the model writes
 * @param deniedTopics   topics the assistant declines, matched by meaning against their names and examples
 * @param allowedTopics  when not empty, the only topics the assistant's free answers may be about
 * @param grounded       answers from knowledge must be supported by the retrieved passages
 * @param neverAskFor    details the assistant must never ask the user for
 */
public record Guardrails(Boolean redactPii, List<String> bannedPhrases, List<Topic> deniedTopics,
                         List<Topic> allowedTopics, Boolean grounded, List<String> neverAskFor) {

    public Guardrails {
        redactPii = redactPii == null || redactPii;
        bannedPhrases = bannedPhrases == null ? List.of() : List.copyOf(bannedPhrases);
        deniedTopics = deniedTopics == null ? List.of() : List.copyOf(deniedTopics);
        allowedTopics = allowedTopics == null ? List.of() : List.copyOf(allowedTopics);
        grounded = grounded == null || grounded;
        neverAskFor = neverAskFor == null ? List.of() : List.copyOf(neverAskFor);
    }

    public static Guardrails defaults() {
        return new Guardrails(null, null, null, null, null, null);
    }
}
