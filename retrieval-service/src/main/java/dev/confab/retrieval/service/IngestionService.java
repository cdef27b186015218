package dev.confab.retrieval.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.engine.document.DocumentParser;
import dev.confab.retrieval.engine.document.ParsedDocument;
import dev.confab.retrieval.engine.document.UnreadableDocumentException;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.repository.KnowledgeDocument.Origin;
import dev.confab.retrieval.repository.KnowledgeDocument.Status;
import dev.confab.retrieval.repository.KnowledgeDocument;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import dev.confab.retrieval.service.InvalidDocumentsException.Kind;
import dev.confab.retrieval.service.InvalidDocumentsException.Refusal;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts documents into a knowledge base: checks every one (size, type, that it has text) before storing any, then
 * queues them in PostgreSQL with their parsed text in one transaction. The {@link Indexer} makes them searchable; an
 * unchanged document (same checksum) is not queued again.
 */
@ApplicationScoped
public class IngestionService {

    private static final int MAX_TITLE_CHARS = 500;

    private final DocumentParser parser;
    private final KnowledgeDocumentRepository documents;
    private final KnowledgeStore store;
    private final RetrievalConfig config;

    public IngestionService(DocumentParser parser, KnowledgeDocumentRepository documents, KnowledgeStore store,
                            RetrievalConfig config) {
        this.parser = parser;
        this.documents = documents;
        this.store = store;
        this.config = config;
    }

    /** Queues the documents, all or none; throws {@link InvalidDocumentsException} naming every refused one. */
    public Uni<List<KnowledgeDocument>> accept(Collection collection, List<DocumentUpload> uploads, Origin origin,
                                               UUID batchId) {
        return OnWorker.call(() -> parseAll(uploads))
                .chain(parsed -> TenantScope.inTransaction(collection.tenantId(), () -> Multi.createFrom().iterable(uploads)
                        .onItem().transformToUniAndConcatenate(upload ->
                                queue(collection, upload, parsed.get(upload.documentId()), origin, batchId))
                        .collect().asList()));
    }

    /** Removes the document and its chunks; {@code false} when there was no such document. */
    public Uni<Boolean> delete(Collection collection, String documentId) {
        return OnWorker.call(() -> {
                    store.delete(collection, documentId);
                    return documentId;
                })
                .chain(ignored -> TenantScope.inTransaction(collection.tenantId(), () -> documents.findDocument(collection, documentId)
                        .chain(document -> document == null
                                ? Uni.createFrom().item(false)
                                : documents.delete(document).replaceWith(true))));
    }

    private Map<String, ParsedDocument> parseAll(List<DocumentUpload> uploads) {
        Map<String, ParsedDocument> parsed = new LinkedHashMap<>();
        Map<String, Refusal> problems = new LinkedHashMap<>();
        for (DocumentUpload upload : uploads) {
            Refusal refusal = refusal(upload);
            if (refusal != null) {
                problems.put(String.valueOf(upload.documentId()), refusal);
                continue;
            }
            try {
                parsed.put(upload.documentId(), parser.parse(upload.content(), upload.contentType()));
            } catch (UnreadableDocumentException e) {
                problems.put(upload.documentId(),
                        new Refusal(e.unsupportedType() ? Kind.UNSUPPORTED_TYPE : Kind.UNREADABLE, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentsException(problems);
        }
        return parsed;
    }

    /** What is wrong with the upload before parsing, or {@code null}. */
    private Refusal refusal(DocumentUpload upload) {
        if (upload.documentId() == null || !Envelope.IDENTIFIER.matcher(upload.documentId()).matches()) {
            return new Refusal(Kind.UNREADABLE, "A document id is 1-128 letters, digits, '_', '.', ':' or '-'");
        }
        if (upload.content() == null) {
            return new Refusal(Kind.UNREADABLE, "The document has no content");
        }
        if (upload.content().length > config.maxDocumentBytes()) {
            return new Refusal(Kind.TOO_LARGE, "The document has " + upload.content().length
                    + " bytes; the limit is " + config.maxDocumentBytes());
        }
        if (upload.url() != null && !upload.url().matches("https?://\\S{1,2000}")) {
            return new Refusal(Kind.UNREADABLE, "The URL must be an http(s) address");
        }
        if (upload.title() != null && upload.title().length() > MAX_TITLE_CHARS) {
            return new Refusal(Kind.UNREADABLE, "The title is longer than " + MAX_TITLE_CHARS + " characters");
        }
        for (String tag : upload.tags()) {
            if (!Envelope.IDENTIFIER.matcher(tag).matches()) {
                return new Refusal(Kind.UNREADABLE, "Tag '" + tag + "' is not 1-128 letters, digits, '_', '.', ':' or '-'");
            }
        }
        return null;
    }

    private Uni<KnowledgeDocument> queue(Collection collection, DocumentUpload upload, ParsedDocument parsed,
                                         Origin origin, UUID batchId) {
        String checksum = Checksums.of(upload);
        return documents.findDocument(collection, upload.documentId())
                .chain(existing -> {
                    if (existing != null && existing.checksum.equals(checksum) && existing.status != Status.FAILED) {
                        return Uni.createFrom().item(existing);
                    }
                    KnowledgeDocument document = existing != null ? existing : newDocument(collection, upload);
                    document.title = upload.title() != null ? upload.title() : parsed.title();
                    document.url = upload.url();
                    document.tags = String.join(",", upload.tags());
                    document.contentType = upload.contentType();
                    document.checksum = checksum;
                    document.text = parsed.text();
                    document.origin = origin;
                    document.status = Status.QUEUED;
                    document.attempts = 0;
                    document.error = null;
                    document.batchId = batchId;
                    document.updatedAt = Instant.now();
                    return documents.persist(document);
                });
    }

    private static KnowledgeDocument newDocument(Collection collection, DocumentUpload upload) {
        KnowledgeDocument document = new KnowledgeDocument();
        document.id = UUID.randomUUID();
        document.tenantId = collection.tenantId();
        document.assistantId = collection.assistantId();
        document.documentId = upload.documentId();
        return document;
    }
}
