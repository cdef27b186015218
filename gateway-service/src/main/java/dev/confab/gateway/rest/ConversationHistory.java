package dev.confab.gateway.rest;

import dev.confab.contracts.event.ReplyHistory;

import java.util.List;

/** A conversation's messages so far, oldest first, as {@code GET …/messages} returns them. */
public record ConversationHistory(String conversationId, List<ReplyHistory.Entry> messages) {
}
