package dev.confab.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key on this replica: a key may burst, then is held to its steady rate. Limits are per
 * replica, so with N replicas behind a load balancer a key gets up to N times its rate; the operator divides.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public RateLimiter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Empty when the request may go ahead; otherwise how long until it would. */
    public Optional<Duration> admit(String keyId, double perSecond, int burst) {
        Optional<Duration> wait = buckets.computeIfAbsent(keyId, id -> new Bucket(burst))
                .take(perSecond, burst, System.nanoTime());
        if (wait.isPresent()) {
            registry.counter("confab.gateway.rate.limited", "key", keyId).increment();
        }
        return wait;
    }

    /** Tokens refill continuously at the key's rate, up to its burst. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized Optional<Duration> take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
        }
    }
}
