package dev.confab.retrieval.repository;

import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.repository.KnowledgeDocument.Origin;
import dev.confab.retrieval.repository.KnowledgeDocument.Status;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads and writes knowledge documents, always within one tenant's assistant except for the indexer's queue. */
@ApplicationScoped
public class KnowledgeDocumentRepository implements PanacheRepositoryBase<KnowledgeDocument, UUID> {

    public Uni<KnowledgeDocument> findDocument(Collection collection, String documentId) {
        return find("tenantId = ?1 and assistantId = ?2 and documentId = ?3",
                collection.tenantId(), collection.assistantId(), documentId)
                .firstResult();
    }

    public Uni<List<KnowledgeDocument>> listDocuments(Collection collection, int pageIndex, int pageSize) {
        return find("tenantId = ?1 and assistantId = ?2", Sort.by("documentId"),
                collection.tenantId(), collection.assistantId())
                .page(Page.of(pageIndex, pageSize))
                .list();
    }

    public Uni<List<KnowledgeDocument>> fromOrigin(Collection collection, Origin origin) {
        return list("tenantId = ?1 and assistantId = ?2 and origin = ?3",
                collection.tenantId(), collection.assistantId(), origin);
    }

    /** The oldest queued documents first, so a large batch cannot starve a document queued before it. */
    public Uni<List<KnowledgeDocument>> queued(int limit) {
        return find("status", Sort.by("updatedAt"), Status.QUEUED)
                .page(Page.ofSize(limit))
                .list();
    }

    /** The knowledge bases that hold indexed documents, according to the database. */
    public Uni<List<Collection>> collectionsWithIndexedDocuments() {
        return find("select distinct tenantId, assistantId from KnowledgeDocument where status = ?1", Status.INDEXED)
                .project(Collection.class)
                .list();
    }

    /** Queues every indexed document of the collection again; how many were queued. */
    public Uni<Integer> requeueIndexed(Collection collection) {
        return update("status = ?1, updatedAt = ?2 where tenantId = ?3 and assistantId = ?4 and status = ?5",
                Status.QUEUED, Instant.now(), collection.tenantId(), collection.assistantId(), Status.INDEXED);
    }

    public Uni<List<KnowledgeDocument>> inBatch(Collection collection, UUID batchId) {
        return list("tenantId = ?1 and assistantId = ?2 and batchId = ?3",
                collection.tenantId(), collection.assistantId(), batchId);
    }
}
