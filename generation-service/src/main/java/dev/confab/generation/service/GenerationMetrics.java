package dev.confab.generation.service;

import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.GuardrailVerdict;
import dev.confab.contracts.event.Provenance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/** Generation's own meters: time to first token, answers by how they were produced, guardrail verdicts. */
final class GenerationMetrics {

    private final MeterRegistry registry;

    GenerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(GenerationTask task, AnswerStream answer) {
        String taskName = task.name().toLowerCase(Locale.ROOT);
        String provenance = answer.provenance().name().toLowerCase(Locale.ROOT);
        registry.counter("confab.generation.answers", "task", taskName, "provenance", provenance).increment();
        answer.outputVerdicts().forEach(this::verdict);
        if (answer.provenance() == Provenance.EXTRACTIVE || answer.provenance() == Provenance.TEMPLATE) {
            registry.counter("confab.generation.fallbacks", "provenance", answer.provenance().name()).increment();
        }
        Timer.builder("confab.generation.first.token")
                .description("Time from a generation request to the first text the user sees")
                .tag("task", taskName)
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofMillis(answer.firstTokenMillis()));
    }

    void verdict(GuardrailVerdict verdict) {
        registry.counter("confab.generation.guardrail.verdicts", "rail", verdict.rail(),
                "stage", verdict.stage().name().toLowerCase(Locale.ROOT),
                "outcome", verdict.outcome().name().toLowerCase(Locale.ROOT)).increment();
    }
}
