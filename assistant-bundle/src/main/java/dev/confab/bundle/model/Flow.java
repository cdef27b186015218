package dev.confab.bundle.model;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A task the assistant carries out, step by step.
 *
 * @param triggers intents that start it
 */
public record Flow(String name, String description, List<String> triggers, List<Step> steps) {

    public Flow {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        steps = List.copyOf(steps);
    }

    /** Index of the step with this id. */
    public OptionalInt indexOf(String stepId) {
        return IntStream.range(0, steps.size())
                .filter(i -> stepId.equals(steps.get(i).id()))
                .findFirst();
    }

    /** Flows whose name starts with {@code pattern_} are the repair patterns the engine runs itself. */
    public boolean isPattern() {
        return name.startsWith("pattern_");
    }
}
