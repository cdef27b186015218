package dev.confab.dialog.rest;

import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Provenance;
import dev.confab.dialog.TranscriptEntry;

import java.time.Instant;

/**
 * One message of a transcript as the API shows it; a user message with what the NLU read ({@code intent} null when
 * out of scope) and, once someone said so, the intent it really meant.
 */
public record TranscriptLine(String turnId, Speaker speaker, String text, Provenance provenance, String response,
                             Instant at, String intent, Double confidence, String correctedIntent) {

    static TranscriptLine of(TranscriptEntry entry) {
        return new TranscriptLine(entry.turnId, entry.speaker, entry.text, entry.provenance, entry.response,
                entry.occurredAt, entry.intent, entry.confidence, entry.correctedIntent);
    }
}
