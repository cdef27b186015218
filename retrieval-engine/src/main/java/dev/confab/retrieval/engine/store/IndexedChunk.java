package dev.confab.retrieval.engine.store;

import java.util.List;

/**
 * A chunk as a store keeps it: what search needs to rank it and what a citation needs to point back at it.
 *
 * @param chunkId  {@code <documentId>#<index>}
 * @param start    offset of the chunk's first character in the document's text
 * @param end      offset after its last character
 * @param headings the headings it sits under, outermost first
 * @param vector   its unit-length embedding
 */
public record IndexedChunk(String documentId, String chunkId, int index, String title, String url, List<String> tags,
                           List<String> headings, String text, int start, int end, float[] vector) {

    public IndexedChunk {
        tags = List.copyOf(tags);
        headings = List.copyOf(headings);
    }

    /** What lexical search and the encoder read: the chunk under its title and headings, so a chunk that says "it" is found by what "it" is. */
    public String searchableText() {
        return searchableText(title, headings, text);
    }

    public static String searchableText(String title, List<String> headings, String text) {
        StringBuilder context = new StringBuilder();
        if (title != null && !title.isBlank()) {
            context.append(title).append(". ");
        }
        for (String heading : headings) {
            if (!heading.isBlank() && !heading.equals(title)) {
                context.append(heading).append(". ");
            }
        }
        return context.append(text).toString();
    }
}
