package dev.confab.dialog.rest;

import dev.confab.dialog.TranscriptEntry;

import java.util.List;

/**
 * A page of user messages to review.
 *
 * @param next the {@code after} of the next page, or {@code null} on the last
 */
public record UtterancesPage(List<Utterance> utterances, String next) {

    static UtterancesPage of(List<TranscriptEntry> entries, int limit) {
        return new UtterancesPage(entries.stream()
                .map(Utterance::of)
                .toList(),
                entries.size() < limit ? null : String.valueOf(entries.get(entries.size() - 1).id));
    }
}
