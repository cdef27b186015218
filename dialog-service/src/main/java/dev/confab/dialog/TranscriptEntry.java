package dev.confab.dialog;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Provenance;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a conversation's transcript, recorded from the event that carried it; only a rephrased message's
 * entry changes, from the template to the words the user saw.
 */
@Entity
@Table(name = "transcript_entry")
public class TranscriptEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "conversation_id")
    public String conversationId;

    /** The conversation's tenant, repeated here so row-level security can hide the row from other tenants. */
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "turn_id")
    public String turnId;

    @Column(name = "event_id")
    public UUID eventId;

    @Enumerated(EnumType.STRING)
    public ChatTurn.Speaker speaker;

    public String text;

    @Enumerated(EnumType.STRING)
    public Provenance provenance;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The bundle response a template message was rendered from. */
    public String response;

    /** A user message's best intent as the NLU read it; {@code null} when it was out of scope. */
    public String intent;

    /** The NLU's confidence in that intent. */
    public Double confidence;

    /** The intent the user really meant, once someone said so: what NLU training data is corrected with. */
    @Column(name = "corrected_intent")
    public String correctedIntent;

    @Enumerated(EnumType.STRING)
    @Column(name = "corrected_by")
    public LabelSource correctedBy;

    /** Who said which intent a user message really meant. */
    public enum LabelSource {
        /** A person reviewing the conversation. */
        REVIEWER,
        /** The user, answering the bot's "did you mean … or …?". */
        USER
    }

    public static TranscriptEntry of(Envelope event, ChatTurn.Speaker speaker, String text, Provenance provenance) {
        TranscriptEntry entry = new TranscriptEntry();
        entry.conversationId = event.conversationId();
        entry.tenantId = event.tenantId();
        entry.turnId = event.turnId();
        entry.eventId = event.eventId();
        entry.speaker = speaker;
        entry.text = text;
        entry.provenance = provenance;
        entry.occurredAt = event.occurredAt();
        return entry;
    }

    /** A user message with what the NLU made of it. */
    public static TranscriptEntry ofUser(Envelope event, MessageUnderstood understood) {
        TranscriptEntry entry = of(event, ChatTurn.Speaker.USER, understood.text(), null);
        if (!understood.intents().isEmpty()) {
            entry.intent = understood.outOfScope() ? null : understood.intents().get(0).intent();
            entry.confidence = understood.intents().get(0).confidence();
        }
        return entry;
    }

    /** Says which intent this user message really meant, and who said so. */
    public void label(String meant, LabelSource by) {
        correctedIntent = meant;
        correctedBy = by;
    }

    public ChatTurn toChatTurn() {
        return new ChatTurn(speaker, text);
    }
}
