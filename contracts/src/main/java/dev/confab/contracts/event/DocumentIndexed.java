package dev.confab.contracts.event;

import java.util.List;

/**
 * A knowledge document became searchable, or was re-indexed after a change ({@code knowledge.document.indexed}).
 * The envelope's conversation id is {@code document:<documentId>} and its turn id the checksum.
 *
 * @param checksum {@code sha256:<hex>} of the content and metadata that were indexed
 * @param chunks   how many chunks search can now return from it
 * @param origin   {@code api} or {@code bundle}: who put it there
 */
public record DocumentIndexed(String documentId, String title, String url, List<String> tags, String checksum,
                              int chunks, String origin) implements EventPayload {

    public DocumentIndexed {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
