package dev.confab.gateway.rest;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;

/** The one rule for conversation ids in paths, with the reason a client is told when one breaks it. */
final class ConversationIds {

    private ConversationIds() {
    }

    static void require(String conversationId) {
        if (!Envelope.IDENTIFIER.matcher(conversationId).matches()) {
            throw new InvalidRequestException("Invalid conversation id: use 1-128 letters, digits, '_', '-', '.' "
                    + "or ':', starting with a letter or digit");
        }
    }
}
