package dev.confab.retrieval.service;

import dev.confab.contracts.security.Caller;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Re-indexes a knowledge base whose store lost it: an embedded index directory deleted, a fresh Qdrant after a switch
 * from the embedded store, a collection dropped by hand. PostgreSQL keeps every document's text, so when the store
 * has no chunks for a collection the database lists as indexed, its documents are queued again and the indexer
 * rebuilds it. Runs shortly after start and then periodically.
 */
@ApplicationScoped
public class StoreReconciler {

    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;

    public StoreReconciler(KnowledgeDocumentRepository documents, KnowledgeStore store) {
        this.documents = documents;
        this.store = store;
    }

    /** Runs on a worker thread: the store calls block. */
    @Scheduled(delayed = "${retrieval.indexing.reconcile-delay:10s}",
            every = "${retrieval.indexing.reconcile-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void reconcile() {
        List<Collection> indexed = OnContext.await(
                () -> TenantScope.inTransaction(Caller.PLATFORM, documents::collectionsWithIndexedDocuments));
        for (Collection collection : indexed) {
            try {
                if (store.count(collection) == 0) {
                    int queued = OnContext.await(
                            () -> TenantScope.inTransaction(collection.tenantId(),
                                    () -> documents.requeueIndexed(collection)));
                    Log.warnf("The %s store has no chunks of %s; %d document(s) queued to rebuild it", store.kind(),
                            collection.name(), queued);
                }
            } catch (StoreUnavailableException e) {
                Log.infof("Store unavailable; reconciling %s later: %s", collection.name(), e.getMessage());
                return;
            }
        }
    }
}
