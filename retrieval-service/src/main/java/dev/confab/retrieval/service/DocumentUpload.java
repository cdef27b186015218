package dev.confab.retrieval.service;

import java.util.List;

/** A document as a client (or a bundle release) hands it in: raw bytes and the metadata to cite it by. */
public record DocumentUpload(String documentId, String title, String url, List<String> tags, String contentType,
                             byte[] content) {

    public DocumentUpload {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
