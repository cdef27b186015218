package dev.confab.retrieval.rest;

import dev.confab.contracts.rest.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an upload whose declared length is over the HTTP limit before a byte of it is read, with problem+json
 * saying the limit; a client that sent {@code Expect: 100-continue} never transmits the body at all.
 */
@ApplicationScoped
public class UploadLimit {

    private final long maxBytes;

    public UploadLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBytes) {
                Problem tooLarge = new Problem("about:blank", "Content Too Large", 413,
                        "The upload has " + length + " bytes; the limit is " + maxBytes, context.request().path());
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.encode(tooLarge));
                return;
            }
            context.next();
        });
    }
}
