package dev.confab.contracts.event;

import java.util.Map;

/**
 * The bot has paused and a human agent should take over ({@code handoff.requested}): the packet an agent desk
 * needs to pick the conversation up without asking the user to repeat themselves.
 *
 * @param summary       what the conversation was about so far
 * @param slots         what the bot has collected, rendered as text
 * @param flow          the flow in progress, or {@code null}
 * @param transcriptUrl where the full transcript can be read
 */
public record HandoffRequested(String reason, String summary, Map<String, String> slots, String flow,
                               String transcriptUrl) implements EventPayload {

    public HandoffRequested {
        slots = Map.copyOf(slots);
    }
}
