package dev.confab.generation.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.Provenance;
import dev.confab.generation.client.SlmClient;
import dev.confab.generation.config.GenerationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.Set;

/**
 * Answers a generation request as a stream of reply events. The stream never hangs and never fails: when the
 * model is down, slow or silent, the answer falls back to an extractive or template reply.
 */
@ApplicationScoped
public class GenerationService {

    private static final Set<Provenance> FALLBACKS = EnumSet.of(Provenance.EXTRACTIVE, Provenance.TEMPLATE);

    private final SlmClient slm;
    private final PromptBuilder prompts;
    private final GenerationConfig config;
    private final MeterRegistry registry;

    public GenerationService(SlmClient slm, PromptBuilder prompts, GenerationConfig config, MeterRegistry registry) {
        this.slm = slm;
        this.prompts = prompts;
        this.config = config;
        this.registry = registry;
    }

    /** Token events as the model writes them, then the message, end of turn and the generation record. */
    public Multi<Envelope> respond(Envelope event, GenerationRequested request) {
        AnswerStream answer = new AnswerStream(event, request);
        Multi<Envelope> generated = slm.stream(prompts.messages(request))
                .ifNoItem().after(config.tokenTimeout()).fail()
                .onItem().transformToIterable(answer::on)
                .onFailure().invoke(failure -> Log.warnf("Generation for turn %s failed, falling back: %s",
                        event.turnId(), failure.toString()))
                .onFailure().recoverWithCompletion();
        Multi<Envelope> closing = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(answer.finish()))
                .onCompletion().invoke(() -> count(answer.provenance()));
        return Multi.createBy().concatenating().streams(generated, closing);
    }

    private void count(Provenance provenance) {
        if (FALLBACKS.contains(provenance)) {
            registry.counter("confab.generation.fallbacks", "provenance", provenance.name()).increment();
        }
    }
}
