package dev.confab.contracts.event;

import java.util.List;

/** The passages found for a knowledge search, best first; empty means "no answer" ({@code retrieval.performed}). */
public record RetrievalPerformed(String query, List<Passage> passages) implements EventPayload {

    public RetrievalPerformed {
        passages = List.copyOf(passages);
    }
}
