package dev.confab.retrieval.rest;

import dev.confab.retrieval.repository.KnowledgeDocument;

import java.time.Instant;
import java.util.List;

/** A knowledge document as the API shows it: its metadata and where it is in indexing. */
public record DocumentView(String documentId, String title, String url, List<String> tags, String contentType,
                           String checksum, String origin, String status, int chunks, int attempts, String error,
                           Instant updatedAt) {

    static DocumentView of(KnowledgeDocument document) {
        return new DocumentView(document.documentId, document.title, document.url, document.tagList(),
                document.contentType, document.checksum, document.origin.name().toLowerCase(),
                document.status.name().toLowerCase(), document.chunks, document.attempts, document.error,
                document.updatedAt);
    }
}
