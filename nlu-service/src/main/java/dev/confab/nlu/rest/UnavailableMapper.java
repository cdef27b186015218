package dev.confab.nlu.rest;

import dev.confab.contracts.rest.Problem;
import dev.confab.nlu.service.ModelNotReadyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Requests the service cannot serve right now are problems to retry (with Retry-After), not failures. */
public class UnavailableMapper {

    @ServerExceptionMapper
    public Response training(ModelNotReadyException e, UriInfo uri) {
        return retryLater(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), 5, uri);
    }

    @ServerExceptionMapper
    public Response busy(BulkheadException e, UriInfo uri) {
        return retryLater(Response.Status.TOO_MANY_REQUESTS, "Another discovery is running; retry in a few seconds",
                10, uri);
    }

    private static Response retryLater(Response.Status status, String detail, int seconds, UriInfo uri) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", seconds)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                        uri.getPath()))
                .build();
    }
}
