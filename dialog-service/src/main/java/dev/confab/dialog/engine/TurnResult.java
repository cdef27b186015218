package dev.confab.dialog.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the engine decided for one input.
 *
 * @param awaiting the turn continues elsewhere (knowledge, generation, an action); its end comes with the result
 */
public record TurnResult(List<Output> outputs, boolean awaiting) {

    public TurnResult {
        outputs = List.copyOf(outputs);
    }

    /** This result followed by what the engine decided next in the same turn. */
    public TurnResult then(TurnResult next) {
        List<Output> all = new ArrayList<>(outputs);
        all.addAll(next.outputs);
        return new TurnResult(all, next.awaiting);
    }

    /** Whether the turn decided something of this kind. */
    public boolean has(Class<? extends Output> kind) {
        return outputs.stream().anyMatch(kind::isInstance);
    }

    /** The action the turn waits for, when its last decision was to call one. */
    public Optional<Output.CallAction> pendingAction() {
        if (!awaiting || outputs.isEmpty() || !(outputs.get(outputs.size() - 1) instanceof Output.CallAction call)) {
            return Optional.empty();
        }
        return Optional.of(call);
    }
}
