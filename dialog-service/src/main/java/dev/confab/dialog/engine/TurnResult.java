package dev.confab.dialog.engine;

import java.util.List;

/**
 * What the engine decided for one input.
 *
 * @param awaiting the turn continues elsewhere (knowledge, generation, an action); its end comes with the result
 */
public record TurnResult(List<Output> outputs, boolean awaiting) {

    public TurnResult {
        outputs = List.copyOf(outputs);
    }
}
