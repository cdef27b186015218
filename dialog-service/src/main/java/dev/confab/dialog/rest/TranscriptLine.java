package dev.confab.dialog.rest;

import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Provenance;
import dev.confab.dialog.TranscriptEntry;

import java.time.Instant;

/** One message of a transcript as the API shows it. */
public record TranscriptLine(String turnId, Speaker speaker, String text, Provenance provenance, String response,
                             Instant at) {

    static TranscriptLine of(TranscriptEntry entry) {
        return new TranscriptLine(entry.turnId, entry.speaker, entry.text, entry.provenance, entry.response,
                entry.occurredAt);
    }
}
