package dev.confab.contracts.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;

/**
 * Refuses, before any resource runs, what no Confab API accepts — a body over the size limit (413), a request line
 * over 4 KB (414), headers over 16 KB (431), a path with parameters hidden after {@code ;} (400) — and answers these
 * and every other refusal the HTTP layer makes with problem+json and a reason, as {@link ProblemMapper} answers the
 * resources' own: a client reads every 4xx the same way.
 */
@ApplicationScoped
public class ProblemRoutes {

    /** Longest method, path and query accepted; the codec's own limit is far above it (see microprofile-config). */
    static final int MAX_REQUEST_LINE = 4096;
    /** Most bytes of headers accepted, names and values together. */
    static final int MAX_HEADERS = 16 * 1024;

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(Long.MAX_VALUE);
        // Ahead of every route: Quarkus refuses a body over quarkus.http.limits.max-body-size with an empty 413.
        router.route().order(Integer.MIN_VALUE).handler(context -> withinLimits(context, limit));
        // First of the failure handlers, so Quarkus's own empty error page never answers a client's mistake.
        router.route().order(Integer.MIN_VALUE).failureHandler(ProblemRoutes::refused);
    }

    private static void withinLimits(RoutingContext context, long limit) {
        HttpServerRequest request = context.request();
        String length = request.getHeader("Content-Length");
        boolean declared = length != null && !length.isEmpty() && length.length() < 19
                && length.chars().allMatch(Character::isDigit);
        if (declared && Long.parseLong(length) > limit) {
            refuse(context, 413, "The body is larger than this API accepts");
        } else if (request.uri().length() + request.method().name().length() > MAX_REQUEST_LINE) {
            refuse(context, 414, "The path and query are longer than this API accepts (" + MAX_REQUEST_LINE
                    + " characters)");
        } else if (headerBytes(request) > MAX_HEADERS) {
            refuse(context, 431, "The headers are larger than this API accepts (" + MAX_HEADERS / 1024 + " KB)");
        } else if (request.path().indexOf(';') >= 0) {
            // JAX-RS would drop ";..." from a path segment (a matrix parameter), so "c1;x" would act on "c1": a
            // proxy, a cache or an audit log reading the raw path would disagree with the API about the target.
            refuse(context, 400, "A path may not contain ';'");
        } else {
            context.next();
        }
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static void refused(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        refuse(context, status, status == 413
                ? "The body is larger than this API accepts"
                : "The request was refused before it reached the API (HTTP " + status + ")");
    }

    private static void refuse(RoutingContext context, int status, String detail) {
        Problem body = new Problem("about:blank", context.response().setStatusCode(status).getStatusMessage(), status,
                detail, context.request().path());
        context.response()
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(body));
    }
}
