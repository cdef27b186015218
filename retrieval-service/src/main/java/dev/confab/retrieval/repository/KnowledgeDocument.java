package dev.confab.retrieval.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A document of a knowledge base: its metadata, its parsed text (so indexing can be retried from here after a store
 * outage without the client sending it again) and where it is in the indexing queue.
 */
@Entity
@Table(name = "knowledge_document")
public class KnowledgeDocument extends PanacheEntityBase {

    /** Where the document is in the queue. */
    public enum Status {
        /** Accepted and waiting for the indexer. */
        QUEUED,
        /** Its chunks are searchable. */
        INDEXED,
        /** Indexing failed for a reason a retry will not fix; {@link #error} says which. */
        FAILED
    }

    /** Who put the document there, which decides who may replace or remove it. */
    public enum Origin {
        API,
        BUNDLE
    }

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assistant_id", nullable = false)
    public String assistantId;

    @Column(name = "document_id", nullable = false)
    public String documentId;

    public String title;

    public String url;

    /** Comma-separated; tags are identifiers, so they contain no commas. */
    public String tags;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    /** {@code sha256:<hex>} of the bytes received together with the metadata, for dedupe. */
    @Column(nullable = false)
    public String checksum;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public int chunks;

    public int attempts;

    public String error;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    /** Guards against the indexer marking a document indexed after it was replaced meanwhile. */
    @Version
    public long revision;
}
