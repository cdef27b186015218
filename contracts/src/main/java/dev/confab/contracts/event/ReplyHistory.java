package dev.confab.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * The conversation's messages, oldest first, answering a {@code history.requested} ({@code reply.history}).
 *
 * @param found    false when the conversation does not exist for the asking tenant
 * @param messages at most the limit asked for, the most recent ones
 */
public record ReplyHistory(boolean found, List<Entry> messages) implements EventPayload {

    public ReplyHistory {
        messages = List.copyOf(messages);
    }

    /** One message of the transcript. */
    public record Entry(ChatTurn.Speaker speaker, String text, Provenance provenance, Instant occurredAt) {
    }
}
