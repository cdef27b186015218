package dev.confab.retrieval.engine.chunk;

import java.util.List;

/**
 * A passage of a document that is indexed and cited on its own.
 *
 * @param index    position among the document's chunks, from 0
 * @param start    offset of the first character in the document, for citations
 * @param end      offset after the last character
 * @param headings the headings it sits under, outermost first ("Cards", "Card delivery")
 */
public record Chunk(int index, String text, int start, int end, List<String> headings) {

    public Chunk {
        headings = List.copyOf(headings);
    }
}
