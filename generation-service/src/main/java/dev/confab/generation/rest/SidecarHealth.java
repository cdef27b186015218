package dev.confab.generation.rest;

import dev.confab.generation.client.SidecarStreams;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness follows the circuit breaker in front of the SLM sidecar: while it is open every answer is a fallback,
 * which operators must see (the service still answers, from passages and templates).
 */
@Readiness
@ApplicationScoped
public class SidecarHealth implements HealthCheck {

    private final SidecarStreams sidecar;

    public SidecarHealth(SidecarStreams sidecar) {
        this.sidecar = sidecar;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreakerState state = sidecar.breakerState();
        return HealthCheckResponse.named("slm-sidecar")
                .withData("breaker", state.name().toLowerCase(java.util.Locale.ROOT))
                .withData("answers", state == CircuitBreakerState.OPEN ? "fallback" : "model")
                .status(state != CircuitBreakerState.OPEN)
                .build();
    }
}
