package dev.confab.contracts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every refused or failed request of a Confab REST API into {@code application/problem+json} with its reason. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return problem(Response.Status.BAD_REQUEST, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(Response.Status.BAD_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        return problem(Response.Status.fromStatusCode(e.getResponse().getStatus()), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Request %s failed", uri.getPath());
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "Internal error", uri);
    }

    /** A problem+json response; services use it for the errors only they know. */
    public static Response problem(Response.StatusType status, String detail, UriInfo uri) {
        Problem body = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                uri.getPath());
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
