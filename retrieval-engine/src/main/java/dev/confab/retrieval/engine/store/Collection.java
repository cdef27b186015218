package dev.confab.retrieval.engine.store;

import dev.confab.contracts.event.Envelope;

import java.util.Objects;

/** The knowledge base of one assistant of one tenant: a Lucene index or a Qdrant collection of its own. */
public record Collection(String tenantId, String assistantId) {

    public Collection {
        requireIdentifier(tenantId, "tenant");
        requireIdentifier(assistantId, "assistant");
    }

    /** A name safe for a directory or a Qdrant collection; ids cannot contain the separator. */
    public String name() {
        return tenantId + "__" + assistantId;
    }

    private static void requireIdentifier(String id, String what) {
        Objects.requireNonNull(id, what);
        if (!Envelope.IDENTIFIER.matcher(id).matches() || id.contains("__")) {
            throw new IllegalArgumentException("Invalid " + what + " id '" + id + "'");
        }
    }
}
