package dev.confab.gateway.service;

import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.ReplyHistory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** A conversation outside its turns: its history and its end, asked of dialog over {@code chat.control}. */
@ApplicationScoped
public class ConversationService {

    private final OwnEvents events;

    public ConversationService(OwnEvents events) {
        this.events = events;
    }

    /**
     * The last {@code limit} messages, oldest first; empty when the tenant has no such conversation, or when it is
     * a signed-in user's and {@code userId} (verified, or {@code null}) is not that user.
     */
    public Uni<Optional<List<ReplyHistory.Entry>>> history(String tenant, String conversationId, int limit,
                                                          String userId) {
        return events.ask(tenant, conversationId, "history", new HistoryRequested(limit, userId))
                .map(answer -> (ReplyHistory) answer.payload())
                .map(history -> history.found() ? Optional.of(history.messages()) : Optional.empty());
    }

    /**
     * Whether the asker may follow the conversation's stream: the tenant does not have it yet (a client may follow
     * before its first message), or dialog would show it to them — a signed-in user's conversation to that user
     * only ({@code userId} verified, or {@code null}).
     */
    public Uni<Boolean> mayFollow(String tenant, String conversationId, String userId) {
        return events.ask(tenant, conversationId, "follow", new HistoryRequested(1, userId))
                .map(answer -> (ReplyHistory) answer.payload())
                .map(history -> history.found() || !history.exists());
    }

    /** Completes once Kafka has the request; dialog ends the conversation (another tenant's request changes nothing). */
    public Uni<Void> end(String tenant, String conversationId, String reason) {
        return events.publish(tenant, conversationId, "end", new ConversationEndRequested(reason));
    }
}
