package dev.confab.contracts.topics;

/**
 * What {@link TopicAdmin} found, or did, for one topic.
 *
 * @param detail what differs, or what was done; empty when nothing
 */
public record TopicFinding(String topic, State state, String detail) {

    /** A topic's state; the last two fail {@code bin/confab-admin topics --check}. */
    public enum State {
        /** Set up as the catalogue says. */
        OK,
        /** Created now. */
        CREATED,
        /** Its configuration was brought in line now. */
        UPDATED,
        /** Not there (only reported with {@code --check}). */
        MISSING,
        /** Set up otherwise, and not changed: see the detail. */
        MISCONFIGURED
    }

    public boolean needsAttention() {
        return state == State.MISSING || state == State.MISCONFIGURED;
    }

    @Override
    public String toString() {
        return String.format("%-14s %s%s", state.name().toLowerCase(java.util.Locale.ROOT), topic,
                detail.isEmpty() ? "" : ": " + detail);
    }
}
