package dev.confab.contracts.event;

/**
 * A flow started, finished, was interrupted by another, resumed or was cancelled ({@code flow.changed}).
 *
 * @param depth how many flows are on the dialogue stack after the change
 * @param step  the step the flow was at: where it starts, where it waited when interrupted, resumed, cancelled or
 *              failed (where users drop off); {@code null} once completed. The step's id, else what it does
 *              ({@code collect_transfer_amount})
 */
public record FlowChanged(String flow, FlowChange change, int depth, String step) implements EventPayload {
}
