package dev.confab.generation.client;

import dev.confab.generation.SlmOutput;
import dev.confab.generation.config.GenerationConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sidecar streams that never hang: a bulkhead sized to the sidecar's parallelism, then — until the first token
 * only — a first-token timeout, a retry and a circuit breaker (SmallRye Fault Tolerance), then a timeout between
 * tokens. Every failure reaches the caller as a failed stream, which falls back; cancelling the stream cancels the
 * sidecar request.
 */
@ApplicationScoped
public class SidecarStreams {

    public static final String BREAKER = "slm-sidecar";

    private final SlmClient client;
    private final StreamSlots slots;
    private final Duration firstTokenTimeout;
    private final Duration interTokenTimeout;
    private final CircuitBreakerMaintenance breakers;
    private final TypedGuard<Uni<Multi<SlmOutput>>> start;

    public SidecarStreams(SlmClient client, GenerationConfig config, CircuitBreakerMaintenance breakers,
                          MeterRegistry registry) {
        this.client = client;
        this.breakers = breakers;
        this.slots = new StreamSlots(config.sidecar().parallelism(), config.sidecar().queue(), registry);
        this.firstTokenTimeout = config.firstTokenTimeout();
        this.interTokenTimeout = config.interTokenTimeout();
        GenerationConfig.Breaker breaker = config.breaker();
        this.start = TypedGuard.create(new TypeLiteral<Uni<Multi<SlmOutput>>>() { })
                .withDescription(BREAKER)
                // A model that did not start in time is busy, not broken: asking it again would only add load.
                .withRetry().maxRetries(config.retry().maxRetries())
                .delay(config.retry().delay().toMillis(), ChronoUnit.MILLIS)
                .abortOn(List.of(TimeoutException.class, CircuitBreakerOpenException.class))
                .done()
                .withCircuitBreaker().name(BREAKER)
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        Gauge.builder("confab.generation.sidecar.breaker.open", this,
                        streams -> streams.breakerState() == CircuitBreakerState.CLOSED ? 0 : 1)
                .description("1 while the circuit breaker in front of the SLM sidecar is open or half-open")
                .register(registry);
    }

    /** The model's output; fails fast when the sidecar is busy, down, silent or stalls. */
    public Multi<SlmOutput> stream(ModelCall call) {
        return slots.acquire(firstTokenTimeout)
                .onItem().transformToMulti(slot -> started(call)
                        .onFailure().invoke(slot::release)
                        .onCancellation().invoke(slot::release)
                        .onItem().transformToMulti(stream -> stream
                                .ifNoItem().after(interTokenTimeout).fail()
                                .onTermination().invoke(slot::release)));
    }

    public CircuitBreakerState breakerState() {
        return breakers.currentState(BREAKER);
    }

    private Uni<Multi<SlmOutput>> started(ModelCall call) {
        return start.get(() -> StreamStart.awaitFirst(client.stream(call))
                .ifNoItem().after(firstTokenTimeout).fail());
    }
}
