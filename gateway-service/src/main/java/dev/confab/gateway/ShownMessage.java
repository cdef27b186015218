package dev.confab.gateway;

import dev.confab.contracts.event.Citation;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;

import java.util.List;

/**
 * A complete bot message as the client sees it: the reply's words plus the id that feedback names it by (the SSE
 * event id is a stream position, not a message's identity).
 */
public record ShownMessage(String messageId, String text, Provenance provenance, List<Citation> citations) {

    static ShownMessage of(String messageId, ReplyMessage message) {
        return new ShownMessage(messageId, message.text(), message.provenance(), message.citations());
    }
}
