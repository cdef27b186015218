package dev.confab.contracts.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Holds every request body to what the APIs document: a body says what it is ({@code Content-Type}, no wildcard),
 * and JSON is UTF-8, strictly. Jackson alone would guess UTF-16 or UTF-32 from the first bytes and read an overlong
 * UTF-8 sequence as the character it disguises, so text a client did not mean to send would reach the assistant.
 */
public class JsonBodies {

    @ServerRequestFilter(readBody = true)
    public Response check(ContainerRequestContext request, UriInfo uri) {
        if (request.getLength() <= 0 && request.getHeaderString("Transfer-Encoding") == null) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            return ProblemMapper.problem(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Say what the body is: send a Content-Type header (application/json for JSON)", uri);
        }
        if (!type.getSubtype().equals("json") && !type.getSubtype().endsWith("+json")) {
            return null;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return ProblemMapper.problem(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "JSON is read as UTF-8 only, not " + charset, uri);
        }
        byte[] body = readAll(request);
        if (!isStrictUtf8(body)) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST,
                    "The body is not UTF-8 JSON: it has bytes UTF-8 does not allow, or a NUL byte", uri);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return null;
    }

    private static byte[] readAll(ContainerRequestContext request) {
        try {
            return request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 as RFC 3629 has it (no overlong forms, no surrogates) and no NUL, which JSON never needs raw. */
    private static boolean isStrictUtf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
