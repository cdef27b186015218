package dev.confab.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/** A conversation dialog-service is running. */
@Entity
public class Conversation {

    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "assistant_id")
    public String assistantId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    /** The bundle version this conversation runs on until it ends, even when a newer one is released. */
    @Column(name = "assistant_version")
    public String assistantVersion;

    @Column(name = "user_id")
    public String userId;

    /**
     * The {@code chat.outbound} partition of the gateway replica the user last wrote through: what the bot says
     * outside a user's turn (an agent's message, the bot taking over again) is addressed there.
     */
    @Column(name = "reply_partition")
    public Integer replyPartition;

    /**
     * When the conversation ends for inactivity unless the user writes first (their last message plus the
     * assistant's timeout); {@code null} once it has ended, or while a human agent has it.
     */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** JSON snapshot of the dialogue state (stack, slots, what the bot waits for). */
    public String state;

    /** Rolling summary of the conversation: by the SLM when it answered, extractive otherwise. */
    public String summary;

    /** Optimistic lock: a concurrent change of the same conversation fails instead of being lost. */
    @Version
    public long version;

    public static Conversation start(String id, String tenantId, String assistantId, Instant at) {
        Conversation conversation = new Conversation();
        conversation.id = id;
        conversation.tenantId = tenantId;
        conversation.assistantId = assistantId;
        conversation.startedAt = at;
        conversation.lastActivityAt = at;
        return conversation;
    }
}
