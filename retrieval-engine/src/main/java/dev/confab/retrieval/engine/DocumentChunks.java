package dev.confab.retrieval.engine;

import dev.confab.retrieval.engine.chunk.Chunk;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.engine.store.IndexedChunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a document's text into the chunks a store indexes: cut by the chunker, each embedded under the document's
 * title and its headings, with the spans and metadata a citation needs. The service's indexer, {@code bin/kb-eval}
 * and the store tests all index through here, so what is measured is what runs.
 */
public final class DocumentChunks {

    private final Chunker chunker;
    private final Embedder embedder;

    public DocumentChunks(Chunker chunker, Embedder embedder) {
        this.chunker = chunker;
        this.embedder = embedder;
    }

    /** The document's chunks, ids {@code <documentId>#<index>}, embedded in batches. */
    public List<IndexedChunk> of(String documentId, String title, String url, List<String> tags, String text) {
        List<Chunk> pieces = chunker.chunk(text);
        List<float[]> vectors = embedder.embedAll(pieces.stream()
                .map(piece -> IndexedChunk.searchableText(title, piece.headings(), piece.text()))
                .toList());
        List<IndexedChunk> chunks = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Chunk piece = pieces.get(i);
            chunks.add(new IndexedChunk(documentId, documentId + "#" + piece.index(), piece.index(), title, url, tags,
                    piece.headings(), piece.text(), piece.start(), piece.end(), vectors.get(i)));
        }
        return chunks;
    }
}
