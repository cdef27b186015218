package dev.confab.contracts.event;

/**
 * Where a handoff to a human stands, for the client to show ({@code reply.handoff}).
 *
 * @param state   {@code REQUESTED} (waiting for an agent), {@code ACCEPTED} (an agent is writing), {@code ENDED}
 *                (the assistant is back)
 * @param agentId the agent, once one accepted; null before
 */
public record ReplyHandoff(State state, String agentId) implements EventPayload {

    /** The handoff's steps, in order. */
    public enum State {
        REQUESTED, ACCEPTED, ENDED
    }
}
