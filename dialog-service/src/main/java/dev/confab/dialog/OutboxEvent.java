package dev.confab.dialog;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the state change that caused it: a crash
 * between commit and publish delays the event instead of losing it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id")
    public String conversationId;

    /** The event's tenant, so row-level security can hide the row from other tenants. */
    @Column(name = "tenant_id")
    public String tenantId;

    public String event;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The rephrase request whose answer must reach the user before this event: the turn's later messages wait for
     * the rephrased one. {@code null} when the event may be published.
     */
    @Column(name = "held_by")
    public UUID heldBy;

    public static OutboxEvent of(Envelope envelope) {
        return of(envelope, null);
    }

    public static OutboxEvent of(Envelope envelope, UUID heldBy) {
        OutboxEvent row = new OutboxEvent();
        row.conversationId = envelope.conversationId();
        row.tenantId = envelope.tenantId();
        row.heldBy = heldBy;
        row.event = new String(EventJson.write(envelope), StandardCharsets.UTF_8);
        row.createdAt = Instant.now();
        return row;
    }

    public Envelope envelope() {
        return EventJson.read(event.getBytes(StandardCharsets.UTF_8));
    }
}
