package dev.confab.retrieval.engine.store;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.retrieval.engine.DocumentChunks;
import dev.confab.retrieval.engine.Embedder;
import dev.confab.retrieval.engine.chunk.Chunker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String title = Character.toUpperCase(documentId.charAt(0)) + documentId.substring(1);
        return new DocumentChunks(new Chunker(800, 150), embedder())
                .of(documentId, title, "https://bank.example/help/" + documentId, List.of(documentId), text);
    }

    /** Indexes every sample document into the collection. */
    public static void indexAll(KnowledgeStore store, Collection collection) {
        for (String documentId : List.of("cards", "fees", "identity", "top-ups", "transfers")) {
            store.replace(collection, documentId, chunks(documentId, text(documentId)));
        }
    }
}
