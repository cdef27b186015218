package dev.confab.contracts.event;

import java.util.List;

/** The complete text of a bot message, after its tokens ({@code reply.message}). */
public record ReplyMessage(String text, Provenance provenance, List<Citation> citations) implements EventPayload {

    public ReplyMessage {
        citations = List.copyOf(citations);
    }
}
