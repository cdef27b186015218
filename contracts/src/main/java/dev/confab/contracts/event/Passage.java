package dev.confab.contracts.event;

/** A retrieved chunk of knowledge with the fields a citation needs. */
public record Passage(String documentId, String chunkId, String title, String url, String text, double score) {

    public Citation citation() {
        return new Citation(documentId, chunkId, title, url);
    }
}
