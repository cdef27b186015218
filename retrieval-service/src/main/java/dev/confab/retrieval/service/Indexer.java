package dev.confab.retrieval.service;

import dev.confab.contracts.event.DocumentIndexed;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RecordKeys;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.security.Caller;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.engine.DocumentChunks;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.IndexedChunk;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import dev.confab.retrieval.repository.KnowledgeDocument.Status;
import dev.confab.retrieval.repository.KnowledgeDocument;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Works through the queue of accepted documents: chunks and embeds each, replaces the document's chunks in the store,
 * announces it on {@code knowledge.events}, then marks it indexed. When the store or Kafka is down the document stays
 * queued and the next round retries it (replacing chunks again is harmless), so an outage delays ingestion but loses
 * neither a document nor its event; the event may come twice, and consumers dedupe on the checksum.
 */
@ApplicationScoped
public class Indexer {

    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;
    private final DocumentChunks chunking;
    private final EventPublisher publisher;
    private final RetrievalConfig config;
    private final MeterRegistry meters;

    public Indexer(KnowledgeDocumentRepository documents, KnowledgeStore store, DocumentChunks chunking,
                   EventPublisher publisher, RetrievalConfig config, MeterRegistry meters) {
        this.documents = documents;
        this.store = store;
        this.chunking = chunking;
        this.publisher = publisher;
        this.config = config;
        this.meters = meters;
    }

    /** Runs on a worker thread: embedding is CPU-bound and the store calls block. */
    @Scheduled(every = "${retrieval.indexing.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void indexQueued() {
        // The queue is the platform's: every tenant's documents are indexed in turn.
        List<KnowledgeDocument> queued = OnContext.await(() -> TenantScope.inTransaction(Caller.PLATFORM,
                () -> documents.queued(config.indexing().documentsPerRound())));
        for (KnowledgeDocument document : queued) {
            try {
                index(document);
            } catch (StoreUnavailableException | EventNotPublishedException e) {
                // The store or Kafka is down: the rest of the round would fail the same way.
                Log.warnf("%s stays queued: %s", document.documentId, e.getMessage());
                meters.counter("confab.retrieval.indexing.retries").increment();
                OnContext.await(() -> recordAttempt(document, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "Indexing %s failed", document.documentId);
                OnContext.await(() -> markFailed(document, e.toString()));
            }
        }
    }

    private void index(KnowledgeDocument document) {
        Collection collection = new Collection(document.tenantId, document.assistantId);
        List<IndexedChunk> chunks = chunking.of(document.documentId, document.title, document.url,
                document.tagList(), document.text);
        store.replace(collection, document.documentId, chunks);
        try {
            OnContext.await(() -> publisher.publish(indexedEvent(document, chunks.size())));
        } catch (RuntimeException e) {
            throw new EventNotPublishedException(e);
        }
        boolean current = OnContext.await(() -> markIndexed(document, chunks.size()));
        if (!current) {
            // Deleted while it was being indexed: its chunks must not outlive it.
            store.delete(collection, document.documentId);
            return;
        }
        meters.counter("confab.retrieval.indexed.chunks", "store", store.kind()).increment(chunks.size());
    }

    /** {@code false} when the document was deleted meanwhile; a replaced one is queued again and indexed anew. */
    private Uni<Boolean> markIndexed(KnowledgeDocument indexed, int chunks) {
        return TenantScope.inTransaction(indexed.tenantId, () -> documents.findById(indexed.id)
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

    private Uni<Void> recordAttempt(KnowledgeDocument document, String error) {
        return TenantScope.inTransaction(document.tenantId, () -> documents.findById(document.id)
                .invoke(current -> {
                    if (current != null) {
                        current.attempts++;
                        current.error = error;
                    }
                })
                .replaceWithVoid());
    }

    private Uni<Void> markFailed(KnowledgeDocument document, String error) {
        return TenantScope.inTransaction(document.tenantId, () -> documents.findById(document.id)
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
        return Envelope.first(document.tenantId, document.assistantId, RecordKeys.document(document.documentId),
                document.checksum, null, indexed);
    }

    /** Kafka did not take a document's event; the document is indexed again and announced on the next round. */
    private static final class EventNotPublishedException extends RuntimeException {

        EventNotPublishedException(Throwable cause) {
            super("Kafka did not take its knowledge.document.indexed event: " + cause.getMessage(), cause);
        }
    }
}
