package dev.confab.contracts.event;

import java.util.List;

/**
 * The assistant's guardrail policy: the {@code guardrails} section of its bundle (in snake_case there), which
 * dialog passes to generation with every request.
 *
 * @param redactPii     hide personal data from the model behind reversible placeholders
 * @param bannedPhrases never said to the user, whatever the model writes
 * @param deniedTopics  topics the assistant declines, matched by meaning against their names and examples
 * @param allowedTopics when not empty, the only topics the assistant talks about, matched the same way
 * @param grounded      answers from knowledge must be supported by the retrieved passages
 * @param neverAskFor   details the assistant must never ask the user for (a PIN, a password…)
 */
public record GuardrailPolicy(Boolean redactPii, List<String> bannedPhrases, List<Topic> deniedTopics,
                              List<Topic> allowedTopics, Boolean grounded, List<String> neverAskFor) {

    public GuardrailPolicy {
        redactPii = redactPii == null || redactPii;
        bannedPhrases = bannedPhrases == null ? List.of() : List.copyOf(bannedPhrases);
        deniedTopics = deniedTopics == null ? List.of() : List.copyOf(deniedTopics);
        allowedTopics = allowedTopics == null ? List.of() : List.copyOf(allowedTopics);
        grounded = grounded == null || grounded;
        neverAskFor = neverAskFor == null ? List.of() : List.copyOf(neverAskFor);
    }

    /**
     * A topic, by name (what the user is told) and example messages about it (what a message is compared with).
     */
    public record Topic(String name, List<String> examples) {

        public Topic {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    /** What generation applies when a request carries no policy: PII redaction and groundedness, nothing else. */
    public static GuardrailPolicy defaults() {
        return new GuardrailPolicy(null, null, null, null, null, null);
    }
}
