package dev.confab.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * The conversation's messages, oldest first, answering a {@code history.requested} ({@code reply.history}).
 *
 * @param found    false when the conversation does not exist for the asking tenant, or is a signed-in user's and
 *                 the asker is not that user
 * @param messages at most the limit asked for, the most recent ones
 * @param exists   whether the asking tenant has the conversation at all: not found but existing means it is
 *                 someone else's, so its stream is not theirs to follow either
 */
public record ReplyHistory(boolean found, List<Entry> messages, boolean exists) implements EventPayload {

    public ReplyHistory {
        messages = List.copyOf(messages);
    }

    /** One message of the transcript. */
    public record Entry(ChatTurn.Speaker speaker, String text, Provenance provenance, Instant occurredAt) {
    }
}
