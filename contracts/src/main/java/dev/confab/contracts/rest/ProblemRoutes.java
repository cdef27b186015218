package dev.confab.contracts.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers the refusals the HTTP layer makes before any resource runs (a body over the size limit is 413) with
 * problem+json and a reason, as {@link ProblemMapper} answers the resources' own: a client reads every 4xx the
 * same way.
 */
@ApplicationScoped
public class ProblemRoutes {

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(Long.MAX_VALUE);
        // Ahead of every route: Quarkus refuses a body over quarkus.http.limits.max-body-size with an empty 413.
        router.route().order(Integer.MIN_VALUE).handler(context -> withinBodyLimit(context, limit));
        // First of the failure handlers, so Quarkus's own empty error page never answers a client's mistake.
        router.route().order(Integer.MIN_VALUE).failureHandler(ProblemRoutes::refused);
    }

    private static void withinBodyLimit(RoutingContext context, long limit) {
        String length = context.request().getHeader("Content-Length");
        boolean declared = length != null && !length.isEmpty() && length.length() < 19
                && length.chars().allMatch(Character::isDigit);
        if (declared && Long.parseLong(length) > limit) {
            context.fail(413);
            return;
        }
        context.next();
    }

    private static void refused(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().headWritten()) {
            context.next();
            return;
        }
        String detail = status == 413
                ? "The body is larger than this API accepts"
                : "The request was refused before it reached the API (HTTP " + status + ")";
        Problem body = new Problem("about:blank", context.response().setStatusCode(status).getStatusMessage(), status,
                detail, context.request().path());
        context.response()
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(body));
    }
}
