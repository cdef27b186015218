package dev.confab.contracts.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The timer every service records its part of a turn on, {@code confab.turn.stage} tagged with the stage, so one
 * dashboard panel shows where a turn's time goes: from taking the event that starts the stage to handing on its
 * result (nlu, dialog, retrieval, generation; the Kafka hops between them show as consumer lag, the gateway's
 * relay to the client as {@code confab.gateway.relay}).
 */
public final class TurnStage {

    public static final String METRIC = "confab.turn.stage";

    private TurnStage() {
    }

    /** The stage's timer, with histogram buckets so percentiles aggregate across replicas. */
    public static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder(METRIC)
                .description("Time a service spends on its part of a turn")
                .tag("stage", stage)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }
}
