package dev.confab.dialog.client;

import dev.confab.bundle.model.Action;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the HTTP actions of flows: POSTs the slots an action sends as JSON and reads the slots it fills from the
 * answer. Each action has its own timeout and retries (from the bundle) and its own circuit breaker, so one failing
 * backend fails fast without slowing the others. {@code ${NAME}} in URLs and headers is read from the tenant's
 * secrets and the URL's host must be on its allowlist ({@link TenantSecrets}). Every request carries the
 * {@code Idempotency-Key} the caller derives for the step, the same on each retry, so a backend that honours it
 * acts once.
 */
@ApplicationScoped
public class ActionClient {

    /** Answers larger than this are refused: an action fills a few slots, not documents. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final int BREAKER_WINDOW = 10;
    private static final int BREAKER_OPEN_SECONDS = 30;

    private final WebClient web;
    private final TenantSecrets secrets;
    private final MeterRegistry meters;
    private final Map<String, TypedGuard<Uni<JsonObject>>> guards = new ConcurrentHashMap<>();

    public ActionClient(Vertx vertx, TenantSecrets secrets, MeterRegistry meters) {
        this.web = WebClient.create(vertx, new WebClientOptions().setUserAgent("confab-dialog"));
        this.secrets = secrets;
        this.meters = meters;
    }

    /**
     * Calls a tenant's action; {@code key} names its circuit breaker (tenant, assistant and action). Completes with
     * slot → value for the fields the action maps, or fails with {@link ActionFailedException}.
     */
    public Uni<Map<String, String>> call(String tenant, String key, Action action, Map<String, String> values,
                                         String idempotencyKey) {
        return guard(key, action)
                .get(() -> post(tenant, action, values, idempotencyKey))
                .map(answer -> slots(action, answer))
                .onItem().invoke(ignored -> meters.counter("confab.dialog.actions", "outcome", "ok").increment())
                .onFailure().invoke(failure -> meters.counter("confab.dialog.actions", "outcome",
                        failure instanceof ActionFailedException ? "failed" : failure.getClass().getSimpleName())
                        .increment());
    }

    private TypedGuard<Uni<JsonObject>> guard(String key, Action action) {
        return guards.computeIfAbsent(key, ignored -> TypedGuard.create(new TypeLiteral<Uni<JsonObject>>() { })
                .withDescription("action " + key)
                .withTimeout().duration(action.timeoutMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(action.retries()).delay(100, ChronoUnit.MILLIS)
                .whenException(failure -> !(failure instanceof ActionFailedException refused) || refused.retryable())
                .done()
                .withCircuitBreaker().requestVolumeThreshold(BREAKER_WINDOW).failureRatio(0.5)
                .delay(BREAKER_OPEN_SECONDS, ChronoUnit.SECONDS).done()
                .build());
    }

    private Uni<JsonObject> post(String tenant, Action action, Map<String, String> values, String idempotencyKey) {
        HttpRequest<Buffer> request = web.postAbs(secrets.allowedUrl(tenant, action.url()).toString());
        action.headers().forEach((name, value) -> request.putHeader(name, secrets.resolve(tenant, value)));
        request.putHeader("Idempotency-Key", idempotencyKey);
        JsonObject body = new JsonObject();
        values.forEach(body::put);
        return Uni.createFrom().completionStage(() -> request.sendJsonObject(body).toCompletionStage())
                .map(ActionClient::answer);
    }

    private static JsonObject answer(HttpResponse<Buffer> response) {
        if (response.statusCode() >= 500) {
            throw new ActionFailedException("answered " + response.statusCode(), true);
        }
        if (response.statusCode() >= 300) {
            throw new ActionFailedException("answered " + response.statusCode(), false);
        }
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        if (body.length() > MAX_ANSWER_BYTES) {
            throw new ActionFailedException("answered " + body.length() + " bytes; the limit is " + MAX_ANSWER_BYTES,
                    false);
        }
        try {
            return body.toJsonObject();
        } catch (RuntimeException e) {
            throw new ActionFailedException("answered something other than a JSON object", false);
        }
    }

    private static Map<String, String> slots(Action action, JsonObject answer) {
        Map<String, String> slots = new LinkedHashMap<>();
        action.result().forEach((pointer, slot) -> {
            Object value = JsonPointer.from(pointer).queryJson(answer);
            if (value != null) {
                slots.put(slot, value.toString());
            }
        });
        return slots;
    }
}
