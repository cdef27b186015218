package dev.confab.retrieval.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.Roles;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.repository.KnowledgeDocument.Origin;
import dev.confab.retrieval.repository.KnowledgeDocumentRepository;
import dev.confab.retrieval.service.DocumentUpload;
import dev.confab.retrieval.service.IngestionService;
import dev.confab.retrieval.service.SearchAnswer;
import dev.confab.retrieval.service.SearchRequest;
import dev.confab.retrieval.service.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The knowledge API of one tenant's assistant: put, read, list and delete documents, queue batches and follow their
 * progress, and search. Documents are accepted (202) once checked and queued; they are searchable when their status
 * is {@code indexed}.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/v1/knowledge/{tenantId}/{assistantId}")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private static final int MAX_PAGE_SIZE = 200;

    private final IngestionService ingestion;
    private final SearchService search;
    private final KnowledgeDocumentRepository documents;
    private final RetrievalConfig config;

    public KnowledgeResource(IngestionService ingestion, SearchService search, KnowledgeDocumentRepository documents,
                             RetrievalConfig config) {
        this.ingestion = ingestion;
        this.search = search;
        this.documents = documents;
        this.config = config;
    }

    /** Adds or replaces a document; the body is the file, its Content-Type says how to read it. */
    @Audited
    @PUT
    @Path("/documents/{documentId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> put(@PathParam("tenantId") String tenantId, @PathParam("assistantId") String assistantId,
                             @PathParam("documentId") String documentId,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @QueryParam("title") String title, @QueryParam("url") String url,
                             @QueryParam("tag") List<String> tags, byte[] content, UriInfo uri) {
        DocumentUpload upload = new DocumentUpload(documentId, title, url, tags, contentType, content);
        return ingestion.accept(collection(tenantId, assistantId), List.of(upload), Origin.API, null)
                .map(accepted -> Response.accepted(DocumentView.of(accepted.get(0)))
                        .location(uri.getRequestUri())
                        .build());
    }

    @GET
    @Path("/documents/{documentId}")
    public Uni<DocumentView> get(@PathParam("tenantId") String tenantId, @PathParam("assistantId") String assistantId,
                                 @PathParam("documentId") String documentId) {
        return TenantScope.inTransaction(tenantId, () -> documents.findDocument(collection(tenantId, assistantId),
                        documentId))
                .onItem().ifNull().failWith(() -> new NotFoundException("No document '" + documentId + "'"))
                .map(DocumentView::of);
    }

    @GET
    @Path("/documents")
    public Uni<List<DocumentView>> list(@PathParam("tenantId") String tenantId,
                                        @PathParam("assistantId") String assistantId,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return TenantScope.inTransaction(tenantId, () -> documents.listDocuments(collection(tenantId, assistantId),
                        page, size))
                .map(found -> found.stream().map(DocumentView::of).toList());
    }

    @Audited
    @DELETE
    @Path("/documents/{documentId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId, @PathParam("assistantId") String assistantId,
                                @PathParam("documentId") String documentId) {
        return ingestion.delete(collection(tenantId, assistantId), documentId)
                .map(deleted -> {
                    if (!deleted) {
                        throw new NotFoundException("No document '" + documentId + "'");
                    }
                    return Response.noContent().build();
                });
    }

    /** Queues many documents at once, all or none; follow the returned batch's progress. */
    @Audited
    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> batch(@PathParam("tenantId") String tenantId, @PathParam("assistantId") String assistantId,
                               BatchRequest request, UriInfo uri) {
        if (request == null || request.documents() == null || request.documents().isEmpty()) {
            throw new InvalidRequestException("A batch needs at least one document");
        }
        if (request.documents().size() > config.maxBatchDocuments()) {
            throw new InvalidRequestException("A batch holds at most " + config.maxBatchDocuments() + " documents");
        }
        UUID batchId = UUID.randomUUID();
        List<DocumentUpload> uploads = request.documents().stream()
                .map(item -> new DocumentUpload(item.documentId(), item.title(), item.url(), item.tags(),
                        item.contentType(), item.content() == null ? null
                        : item.content().getBytes(StandardCharsets.UTF_8)))
                .toList();
        return ingestion.accept(collection(tenantId, assistantId), uploads, Origin.API, batchId)
                .map(accepted -> Response.accepted(BatchView.of(batchId, accepted))
                        .location(uri.getAbsolutePathBuilder().path(batchId.toString()).build())
                        .build());
    }

    @GET
    @Path("/batches/{batchId}")
    public Uni<BatchView> batchProgress(@PathParam("tenantId") String tenantId,
                                        @PathParam("assistantId") String assistantId,
                                        @PathParam("batchId") UUID batchId) {
        return TenantScope.inTransaction(tenantId, () -> documents.inBatch(collection(tenantId, assistantId), batchId))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw new NotFoundException("No batch " + batchId);
                    }
                    return BatchView.of(batchId, found);
                });
    }

    /** Blocking (embedding, the store): RESTEasy Reactive runs it on a worker thread. */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public SearchAnswer search(@PathParam("tenantId") String tenantId, @PathParam("assistantId") String assistantId,
                               SearchRequest request) {
        if (request == null) {
            throw new InvalidRequestException("A search needs a body with a query");
        }
        return search.search(collection(tenantId, assistantId), request);
    }

    private static Collection collection(String tenantId, String assistantId) {
        try {
            return new Collection(tenantId, assistantId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
