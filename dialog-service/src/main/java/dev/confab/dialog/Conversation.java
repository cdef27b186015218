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
