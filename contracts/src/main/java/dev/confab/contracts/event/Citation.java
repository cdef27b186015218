package dev.confab.contracts.event;

/**
 * Where a statement in a bot message comes from.
 *
 * @param start offset of the cited passage's first character in the document's text, when the source knows it
 * @param end   offset after the passage's last character
 */
public record Citation(String documentId, String chunkId, String title, String url, Integer start, Integer end) {

    public Citation(String documentId, String chunkId, String title, String url) {
        this(documentId, chunkId, title, url, null, null);
    }
}
