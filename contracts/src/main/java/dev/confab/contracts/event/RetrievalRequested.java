package dev.confab.contracts.event;

import java.util.List;

/**
 * A knowledge search that dialog needs answered before it can reply ({@code retrieval.requested}).
 *
 * @param context the user's previous messages, oldest first, so a follow-up ("and for virtual ones?") can be read
 *                as the question it continues; may be empty
 * @param tags    search only documents with any of these tags; empty searches everything
 */
public record RetrievalRequested(String query, int topK, List<String> context, List<String> tags)
        implements EventPayload {

    public RetrievalRequested {
        context = context == null ? List.of() : List.copyOf(context);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public RetrievalRequested(String query, int topK) {
        this(query, topK, List.of(), List.of());
    }
}
