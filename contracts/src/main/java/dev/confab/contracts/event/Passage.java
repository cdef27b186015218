package dev.confab.contracts.event;

/**
 * A retrieved chunk of knowledge with the fields a citation needs.
 *
 * @param score relevance to the query; comparable within one result only
 * @param start offset of the passage's first character in the document's text (absent from older producers)
 * @param end   offset after the passage's last character
 */
public record Passage(String documentId, String chunkId, String title, String url, String text, double score,
                      Integer start, Integer end) {

    public Passage(String documentId, String chunkId, String title, String url, String text, double score) {
        this(documentId, chunkId, title, url, text, score, null, null);
    }

    public Citation citation() {
        return new Citation(documentId, chunkId, title, url, start, end);
    }
}
