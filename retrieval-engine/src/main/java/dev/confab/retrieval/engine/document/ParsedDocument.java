package dev.confab.retrieval.engine.document;

/**
 * A document reduced to text whose structure the chunker understands (Markdown headings and blank-line paragraphs).
 *
 * @param title the document's own title (HTML {@code <title>}, the first heading, PDF metadata), or {@code null}
 */
public record ParsedDocument(String title, String text) {
}
