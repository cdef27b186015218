package dev.confab.dialog.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RecordKeys;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.UserMemory;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.OutboxRepository;
import dev.confab.dialog.repository.UserMemoryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Erases a user: their conversations (state, transcript, events not yet published) and their long-term memory, in
 * one transaction that also writes {@code user.forgotten}, so every other service and consumer erases too.
 */
@ApplicationScoped
public class UserService {

    /** {@code user.forgotten} concerns every assistant of the tenant; its envelope says so. */
    static final String ALL_ASSISTANTS = "all";

    private final ConversationRepository conversations;
    private final UserMemoryRepository memories;
    private final OutboxRepository outbox;

    public UserService(ConversationRepository conversations, UserMemoryRepository memories, OutboxRepository outbox) {
        this.conversations = conversations;
        this.memories = memories;
        this.outbox = outbox;
    }

    /** Erases the user; returns the outbox row of {@code user.forgotten}, to publish once committed. */
    @WithTransaction
    public Uni<List<OutboxEvent>> forget(String tenantId, String userId) {
        return TenantScope.enter(tenantId)
                .chain(() -> conversations.idsOf(tenantId, userId))
                .call(conversations::deleteWithTranscripts)
                .call(() -> memories.deleteById(UserMemory.key(tenantId, userId)))
                .chain(ids -> {
                    Envelope forgotten = Envelope.first(tenantId, ALL_ASSISTANTS, RecordKeys.user(userId),
                            "forget-" + UUID.randomUUID(), null, new UserForgotten(userId, ids));
                    OutboxEvent row = OutboxEvent.of(forgotten);
                    return outbox.persist(row).replaceWith(List.of(row));
                });
    }
}
