package dev.confab.retrieval.service;

import dev.confab.retrieval.engine.store.SearchMode;

import java.util.List;

/**
 * A knowledge search as the API and the Kafka consumer receive it.
 *
 * @param topK        passages wanted; the configured default when absent
 * @param context     the user's previous messages, oldest first, for reading a follow-up question
 * @param tags        only documents with any of these tags
 * @param documentIds only these documents
 * @param mode        hybrid when absent; dense and bm25 exist to compare
 */
public record SearchRequest(String query, Integer topK, List<String> context, List<String> tags,
                            List<String> documentIds, SearchMode mode) {

    public SearchRequest {
        context = context == null ? List.of() : List.copyOf(context);
        tags = tags == null ? List.of() : List.copyOf(tags);
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
