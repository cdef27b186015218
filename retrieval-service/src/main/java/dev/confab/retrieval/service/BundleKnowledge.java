package dev.confab.retrieval.service;

import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.model.KnowledgeSource;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.repository.KnowledgeDocument.Origin;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the knowledge documents an assistant's bundle ships in step with its latest release: new and changed ones
 * are queued for indexing (unchanged ones are skipped by checksum, so replaying the topic at start costs no
 * re-embedding) and the ones a release dropped are deleted. Documents added through the API are left alone.
 */
@ApplicationScoped
public class BundleKnowledge {

    private final IngestionService ingestion;
    private final KnowledgeDocumentRepository documents;

    public BundleKnowledge(IngestionService ingestion, KnowledgeDocumentRepository documents) {
        this.ingestion = ingestion;
        this.documents = documents;
    }

    public Uni<Void> release(BundleRelease release) {
        Collection collection = new Collection(release.tenantId(), release.assistantId());
        return OnWorker.call(() -> BundleLoader.load(release.files()))
                .map(bundle -> bundle.knowledge().stream()
                        .map(source -> upload(source, release.files().get(source.path())))
                        .toList())
                .chain(uploads -> sync(collection, uploads));
    }

    private Uni<Void> sync(Collection collection, List<DocumentUpload> uploads) {
        Set<String> shipped = uploads.stream().map(DocumentUpload::documentId).collect(Collectors.toSet());
        return ingestion.accept(collection, uploads, Origin.BUNDLE, UUID.randomUUID())
                .chain(ignored -> TenantScope.inTransaction(collection.tenantId(),
                        () -> documents.fromOrigin(collection, Origin.BUNDLE)))
                .chain(existing -> Multi.createFrom().iterable(existing)
                        .map(document -> document.documentId)
                        .filter(documentId -> !shipped.contains(documentId))
                        .onItem().transformToUniAndConcatenate(documentId -> ingestion.delete(collection, documentId))
                        .collect().last())
                .replaceWithVoid();
    }

    /** {@code knowledge/cards.md} becomes document {@code cards}. */
    static String documentId(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int extension = name.lastIndexOf('.');
        return (extension > 0 ? name.substring(0, extension) : name).replaceAll("[^A-Za-z0-9_.:-]", "-");
    }

    private static DocumentUpload upload(KnowledgeSource source, String text) {
        return new DocumentUpload(documentId(source.path()), source.title(), source.url(), source.tags(),
                contentType(source.path()), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        return lower.endsWith(".txt") ? "text/plain" : "text/markdown";
    }
}
