package dev.confab.dialog.config;

import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Frame;
import dev.confab.dialog.engine.Pending;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection in a native executable the dialogue-state types {@code StateCodec} stores as JSON
 * (Jackson reaches them only at run time); here rather than on the types, so the engine stays free of Quarkus.
 */
@RegisterForReflection(targets = {DialogueState.class, Frame.class, Pending.class, Pending.Kind.class})
public final class StateReflection {

    private StateReflection() {
    }
}
