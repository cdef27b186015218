package dev.confab.dialog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What the assistant may remember about a user across conversations: only with their consent. */
@Entity
@Table(name = "user_memory")
public class UserMemory {

    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "user_id")
    public String userId;

    public boolean consent;

    /** JSON object: slot → value. */
    public String facts;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static String key(String tenantId, String userId) {
        return tenantId + ":" + userId;
    }

    public static UserMemory empty(String tenantId, String userId) {
        UserMemory memory = new UserMemory();
        memory.id = key(tenantId, userId);
        memory.tenantId = tenantId;
        memory.userId = userId;
        memory.facts = "{}";
        memory.updatedAt = Instant.now();
        return memory;
    }
}
