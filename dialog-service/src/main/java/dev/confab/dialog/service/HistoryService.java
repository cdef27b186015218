package dev.confab.dialog.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.ReplyHistory;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.OutboxRepository;
import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Answers a client's request for its conversation's messages from the transcript, to the tenant that owns it only
 * (anyone else hears that there is no such conversation).
 */
@ApplicationScoped
public class HistoryService {

    private final ConversationRepository conversations;
    private final TranscriptRepository transcript;
    private final OutboxRepository outbox;

    public HistoryService(ConversationRepository conversations, TranscriptRepository transcript,
                          OutboxRepository outbox) {
        this.conversations = conversations;
        this.transcript = transcript;
        this.outbox = outbox;
    }

    /** The answer, written to the outbox like every event dialog sends; the caller publishes it. */
    @WithTransaction
    public Uni<List<OutboxEvent>> history(Envelope request, HistoryRequested asked) {
        return TenantScope.enter(request.tenantId())
                .chain(() -> conversations.findById(request.conversationId()))
                .chain(conversation -> !shownTo(conversation, asked)
                        ? Uni.createFrom().item(new ReplyHistory(false, List.of(), conversation != null))
                        : transcript.lastEntries(conversation.id, asked.limit())
                                .map(entries -> new ReplyHistory(true, entries.stream()
                                        .map(HistoryService::entry)
                                        .toList(), true)))
                .map(answer -> List.of(OutboxEvent.of(request.next(answer))))
                .call(rows -> outbox.persist(rows));
    }

    /** Whether the asker may read it: the tenant's, and a signed-in user's only to that user (else "not found"). */
    /** Row-level security already hides other tenants' conversations; a signed-in user's is theirs alone. */
    private static boolean shownTo(Conversation conversation, HistoryRequested asked) {
        return conversation != null && (conversation.userId == null || conversation.userId.equals(asked.userId()));
    }

    private static ReplyHistory.Entry entry(TranscriptEntry said) {
        return new ReplyHistory.Entry(said.speaker, said.text, said.provenance, said.occurredAt);
    }
}
