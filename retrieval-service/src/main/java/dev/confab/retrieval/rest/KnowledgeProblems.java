package dev.confab.retrieval.rest;

import dev.confab.contracts.rest.ProblemMapper;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import dev.confab.retrieval.service.InvalidDocumentsException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem+json answers to retrieval's own failures: refused documents and an unreachable store. */
public class KnowledgeProblems {

    @ServerExceptionMapper
    public Response refused(InvalidDocumentsException e, UriInfo uri) {
        Response.StatusType status = switch (e.kind()) {
            case UNSUPPORTED_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case UNREADABLE -> statusOf(422, "Unprocessable Content");
        };
        return ProblemMapper.problem(status, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response storeDown(StoreUnavailableException e, UriInfo uri) {
        Log.warnf("Knowledge store unavailable: %s", e.getMessage());
        return ProblemMapper.problem(Response.Status.SERVICE_UNAVAILABLE,
                "The knowledge store is unavailable; try again shortly", uri);
    }

    private static Response.StatusType statusOf(int code, String reason) {
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.CLIENT_ERROR;
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }
}
