package dev.confab.retrieval.rest;

import java.util.List;

/** Many documents queued together, all or none; {@code content} is the document's text (HTML, Markdown, plain). */
public record BatchRequest(List<Item> documents) {

    /** One document of a batch. */
    public record Item(String documentId, String title, String url, List<String> tags, String contentType,
                       String content) {
    }
}
