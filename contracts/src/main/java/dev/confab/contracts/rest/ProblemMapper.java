package dev.confab.contracts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.stream.Collectors;

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
    public Response mistyped(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        String where = field.isEmpty() ? "The body" : "Field '" + field + "'";
        String expected = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
        return problem(Response.Status.BAD_REQUEST, where + " must be " + expected, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mistyped) {
            return mistyped(mistyped, uri);
        }
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        return problem(Response.Status.fromStatusCode(e.getResponse().getStatus()), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return unauthorized("An API key is required: send 'Authorization: Bearer <key>'", uri);
    }

    @ServerExceptionMapper
    public Response wrongKey(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(e.getMessage() != null ? e.getMessage() : "The API key is not valid", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource, UriInfo uri) {
        if (e.getMessage() != null) {
            return problem(Response.Status.FORBIDDEN, e.getMessage(), uri);
        }
        return problem(Response.Status.FORBIDDEN, "This API needs an API key with the role "
                + String.join(" or ", rolesAllowed(resource)), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Request %s failed", uri.getPath());
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "Internal error", uri);
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(problem(Response.Status.UNAUTHORIZED, detail, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static String[] rolesAllowed(SimpleResourceInfo resource) {
        return ResourceMethods.annotation(resource, RolesAllowed.class)
                .map(RolesAllowed::value)
                .orElse(new String[] {"that it names"});
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
