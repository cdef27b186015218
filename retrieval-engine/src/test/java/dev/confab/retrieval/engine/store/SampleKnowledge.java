package dev.confab.retrieval.engine.store;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.retrieval.engine.chunk.Chunk;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.engine.Embedder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample bank assistant's knowledge documents, chunked and embedded as the indexer does, for store tests. */
public final class SampleKnowledge {

    public static final Path DIRECTORY = Path.of("../assistants/bank-support/knowledge");
    private static Embedder embedder;

    private SampleKnowledge() {
    }

    public static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = new Embedder(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q), 32);
        }
        return embedder;
    }

    public static String text(String documentId) {
        try {
            return Files.readString(DIRECTORY.resolve(documentId + ".md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's chunks as the indexer makes them, tagged with the document id. */
    public static List<IndexedChunk> chunks(String documentId, String text) {
        List<Chunk> pieces = new Chunker(800, 150).chunk(text);
        String title = Character.toUpperCase(documentId.charAt(0)) + documentId.substring(1);
        List<float[]> vectors = embedder().embedAll(pieces.stream()
                .map(piece -> IndexedChunk.searchableText(title, piece.headings(), piece.text()))
                .toList());
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Chunk piece = pieces.get(i);
            chunks.add(new IndexedChunk(documentId, documentId + "#" + i, i, title,
                    "https://bank.example/help/" + documentId, List.of(documentId), piece.headings(), piece.text(),
                    piece.start(), piece.end(), vectors.get(i)));
        }
        return chunks;
    }

    /** Indexes every sample document into the collection. */
    public static void indexAll(KnowledgeStore store, Collection collection) {
        for (String documentId : List.of("cards", "fees", "identity", "top-ups", "transfers")) {
            store.replace(collection, documentId, chunks(documentId, text(documentId)));
        }
    }
}
