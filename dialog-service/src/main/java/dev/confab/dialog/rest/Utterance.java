package dev.confab.dialog.rest;

import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.TranscriptEntry.LabelSource;

import java.time.Instant;

/**
 * A user message for NLU review.
 *
 * @param intent          the NLU's best intent, or {@code null} when it found the message out of scope (or had no
 *                        model)
 * @param correctedIntent the intent it really meant, when a reviewer or the user said so
 */
public record Utterance(String conversationId, String turnId, String text, String intent, Double confidence,
                        String correctedIntent, LabelSource correctedBy, Instant at) {

    static Utterance of(TranscriptEntry entry) {
        return new Utterance(entry.conversationId, entry.turnId, entry.text, entry.intent, entry.confidence,
                entry.correctedIntent, entry.correctedBy, entry.occurredAt);
    }
}
