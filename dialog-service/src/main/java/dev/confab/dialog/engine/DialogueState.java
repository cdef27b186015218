package dev.confab.dialog.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a conversation stands: the dialogue stack, the slots, and what the bot is waiting for. The engine changes
 * it in place during a turn; dialog stores it as a JSON snapshot next to the conversation, under its optimistic lock.
 */
public class DialogueState {

    /** Flows in progress, the active one last; a digression pushes, finishing pops and resumes the one below. */
    public List<Frame> stack = new ArrayList<>();
    /** Slot values, rendered as text (amounts as {@code "50.00 GBP"}, dates as ISO 8601). */
    public Map<String, String> slots = new LinkedHashMap<>();
    /** What the bot waits for besides a slot answer, or {@code null}. */
    public Pending pending;
    /** Messages in a row the assistant could not handle; enough of them and it offers a human. */
    public int consecutiveFallbacks;
    /** A human agent has the conversation; the bot stays quiet until the agent gives it back. */
    public boolean withAgent;
    /** How often each response has been said, so variations take turns. */
    public Map<String, Integer> said = new LinkedHashMap<>();
    public int userTurns;
    /** Where the user last wrote; responses are cut to that channel's length limit. */
    public String channel;
    public Instant lastUserTurnAt;

    /** The active frame, or {@code null} when no flow is in progress. */
    public Frame top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    /** How many non-pattern flows have started and are on the stack. */
    public int depth() {
        return (int) stack.stream().filter(frame -> !frame.pattern() && !frame.queued).count();
    }
}
