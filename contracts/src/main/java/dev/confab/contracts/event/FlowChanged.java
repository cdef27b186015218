package dev.confab.contracts.event;

/**
 * A flow started, finished, was interrupted by another, resumed or was cancelled ({@code flow.changed}).
 *
 * @param depth how many flows are on the dialogue stack after the change
 */
public record FlowChanged(String flow, FlowChange change, int depth) implements EventPayload {
}
