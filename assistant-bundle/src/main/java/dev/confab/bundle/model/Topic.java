package dev.confab.bundle.model;

import java.util.List;

/**
 * A topic of the guardrail policy: its name, which the user hears ("Sorry, I can't give investment advice"), and
 * example messages about it, which a message is compared with by meaning (a name alone matches poorly: measured in
 * docs/benchmarks.md).
 */
public record Topic(String name, List<String> examples) {

    public Topic {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }
}
