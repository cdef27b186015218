package dev.confab.nlu.rest;

import dev.confab.contracts.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A request refused because the work it asks for is already running elsewhere is a 429 to retry, not a failure. */
public class BusyMapper {

    private static final int RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    public Response busy(BulkheadException e, UriInfo uri) {
        Response.StatusType status = Response.Status.TOO_MANY_REQUESTS;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                        "Another discovery is running; retry in a few seconds", uri.getPath()))
                .build();
    }
}
