package dev.confab.retrieval.service;

import dev.confab.retrieval.engine.Embedder;
import dev.confab.contracts.event.DocumentIndexed;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.retrieval.engine.chunk.Chunk;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.repository.KnowledgeDocument;
import dev.confab.retrieval.repository.KnowledgeDocument.Status;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.IndexedChunk;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Works through the queue of accepted documents: chunks each, embeds the chunks in batches, replaces the document's
 * chunks in the store, then marks it indexed and announces it on {@code knowledge.events}. When the store is down the
 * document stays queued and the next round retries it, so an outage delays ingestion but loses nothing.
 */
@ApplicationScoped
public class Indexer {

    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;
    private final Embedder embedder;
    private final Chunker chunker;
    private final EventPublisher publisher;
    private final RetrievalConfig config;
    private final MeterRegistry meters;

    public Indexer(KnowledgeDocumentRepository documents, KnowledgeStore store, Embedder embedder, Chunker chunker,
                   EventPublisher publisher, RetrievalConfig config, MeterRegistry meters) {
        this.documents = documents;
        this.store = store;
        this.embedder = embedder;
        this.chunker = chunker;
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
    }

    /** Runs on a worker thread: embedding is CPU-bound and the store calls block. */
    @Scheduled(every = "${retrieval.indexing.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void indexQueued() {
        List<KnowledgeDocument> queued = OnContext.await(() -> Panache.withSession(
                () -> documents.queued(config.indexing().documentsPerRound())));
        for (KnowledgeDocument document : queued) {
            try {
                index(document);
            } catch (StoreUnavailableException e) {
                // The store is down: the rest of the round would fail the same way.
                Log.warnf("Knowledge store unavailable; %s stays queued: %s", document.documentId, e.getMessage());
                meters.counter("confab.retrieval.indexing.retries").increment();
                OnContext.await(() -> recordAttempt(document.id, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "Indexing %s failed", document.documentId);
                OnContext.await(() -> markFailed(document.id, e.toString()));
            }
        }
    }

    private void index(KnowledgeDocument document) {
        Collection collection = new Collection(document.tenantId, document.assistantId);
        List<IndexedChunk> chunks = chunks(document);
        store.replace(collection, document.documentId, chunks);
        boolean current = OnContext.await(() -> markIndexed(document, chunks.size()));
        if (!current) {
            // Deleted while it was being indexed: its chunks must not outlive it.
            store.delete(collection, document.documentId);
            return;
        }
        meters.counter("confab.retrieval.indexed.chunks", "store", store.kind()).increment(chunks.size());
        OnContext.await(() -> publisher.publish(indexedEvent(document, chunks.size())));
    }

    private List<IndexedChunk> chunks(KnowledgeDocument document) {
        List<Chunk> pieces = chunker.chunk(document.text);
        List<String> tags = document.tagList();
        List<String> texts = pieces.stream()
                .map(chunk -> IndexedChunk.searchableText(document.title, chunk.headings(), chunk.text()))
                .toList();
        List<float[]> vectors = embedder.embedAll(texts);
        List<IndexedChunk> chunks = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Chunk piece = pieces.get(i);
            chunks.add(new IndexedChunk(document.documentId, document.documentId + "#" + piece.index(), piece.index(),
                    document.title, document.url, tags, piece.headings(), piece.text(), piece.start(), piece.end(),
                    vectors.get(i)));
        }
        return chunks;
    }

    /** {@code false} when the document was deleted meanwhile; a replaced one is queued again and indexed anew. */
    private Uni<Boolean> markIndexed(KnowledgeDocument indexed, int chunks) {
        return Panache.withTransaction(() -> documents.findById(indexed.id)
                .map(current -> {
                    if (current == null) {
                        return false;
                    }
                    if (current.revision == indexed.revision) {
                        current.status = Status.INDEXED;
                        current.chunks = chunks;
                        current.error = null;
                    }
                    return true;
                }));
    }

    private Uni<Void> recordAttempt(UUID id, String error) {
        return Panache.withTransaction(() -> documents.findById(id)
                .invoke(current -> {
                    if (current != null) {
                        current.attempts++;
                        current.error = error;
                    }
                })
                .replaceWithVoid());
    }

    private Uni<Void> markFailed(UUID id, String error) {
        return Panache.withTransaction(() -> documents.findById(id)
                .invoke(current -> {
                    if (current != null) {
                        current.status = Status.FAILED;
                        current.error = error.length() > 2000 ? error.substring(0, 2000) : error;
                    }
                })
                .replaceWithVoid());
    }

    private static Envelope indexedEvent(KnowledgeDocument document, int chunks) {
        DocumentIndexed indexed = new DocumentIndexed(document.documentId, document.title, document.url,
                document.tagList(),
                document.checksum, chunks, document.origin.name().toLowerCase());
        return Envelope.first(document.tenantId, document.assistantId, "document:" + document.documentId,
                document.checksum, null, indexed);
    }
}
