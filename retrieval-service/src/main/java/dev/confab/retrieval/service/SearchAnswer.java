package dev.confab.retrieval.service;

import dev.confab.contracts.event.Passage;

import java.util.List;

/**
 * What a search found.
 *
 * @param searchedFor the query after follow-up rewriting, which is what was searched
 * @param answered    {@code false} when no passage is similar enough to the query to answer it: say so, do not guess
 * @param passages    best first, each with its citation (document, chunk, title, URL, character span)
 */
public record SearchAnswer(String query, String searchedFor, boolean answered, List<Passage> passages) {
}
