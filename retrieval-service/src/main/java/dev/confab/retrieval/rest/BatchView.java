package dev.confab.retrieval.rest;

import dev.confab.retrieval.repository.KnowledgeDocument.Status;
import dev.confab.retrieval.repository.KnowledgeDocument;

import java.util.List;
import java.util.UUID;

/**
 * Progress of a batch. Documents of the batch that a later upload replaced count under that upload, not here; an
 * unchanged document keeps its earlier state.
 */
public record BatchView(UUID batchId, int total, int queued, int indexed, int failed, boolean done) {

    static BatchView of(UUID batchId, List<KnowledgeDocument> documents) {
        int queued = count(documents, Status.QUEUED);
        return new BatchView(batchId, documents.size(), queued, count(documents, Status.INDEXED),
                count(documents, Status.FAILED), queued == 0);
    }

    private static int count(List<KnowledgeDocument> documents, Status status) {
        return (int) documents.stream().filter(document -> document.status == status).count();
    }
}
