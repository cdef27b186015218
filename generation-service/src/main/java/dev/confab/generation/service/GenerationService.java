package dev.confab.generation.service;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.generation.client.ModelCall;
import dev.confab.generation.client.SidecarStreams;
import dev.confab.generation.config.GenerationConfig;
import dev.confab.generation.config.ModelRouter;
import dev.confab.generation.prompt.Prompt;
import dev.confab.generation.prompt.PromptBuilder;
import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.InputCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Answers a generation request as a stream of reply events. Input rails decide what the model reads (or that it is
 * not asked at all), output rails watch what it writes, and the stream never hangs and never fails: when the model
 * is down, slow or silent the answer falls back to an extractive or template reply.
 */
@ApplicationScoped
public class GenerationService {

    private static final Set<Provenance> FALLBACKS = EnumSet.of(Provenance.EXTRACTIVE, Provenance.TEMPLATE);
    private static final Set<GenerationTask> USER_DRIVEN = EnumSet.of(GenerationTask.ANSWER, GenerationTask.SMALL_TALK);

    private final SidecarStreams sidecar;
    private final PromptBuilder prompts;
    private final ModelRouter router;
    private final Guardrails guardrails;
    private final GenerationConfig.GuardrailConfig texts;
    private final GenerationMetrics metrics;

    public GenerationService(SidecarStreams sidecar, PromptBuilder prompts, ModelRouter router, Guardrails guardrails,
                             GenerationConfig config, MeterRegistry registry) {
        this.sidecar = sidecar;
        this.prompts = prompts;
        this.router = router;
        this.guardrails = guardrails;
        this.texts = config.guardrails();
        this.metrics = new GenerationMetrics(registry);
    }

    /** Verdicts of the input rails, token events as the model writes them, then the closing events. */
    public Multi<Envelope> respond(Envelope event, GenerationRequested request) {
        InputCheck input = guardrails.checkInput(request.guardrails(), request.history(),
                USER_DRIVEN.contains(request.task()));
        List<Envelope> verdicts = input.verdicts().stream().map(event::next).toList();
        input.verdicts().forEach(metrics::verdict);
        if (input.block().isPresent()) {
            return Multi.createFrom().iterable(refusal(event, request, input.block().get(), verdicts));
        }
        ModelRouter.Route route = router.route(request.task());
        Prompt prompt = prompts.build(redacted(request, input));
        AnswerStream answer = new AnswerStream(event, request,
                guardrails.watch(request.guardrails(), input, groundingSources(request, prompt)),
                prompt.passages(), prompt.version(), texts.safeEnding(), route.format() != null);
        Multi<Envelope> generated = sidecar.stream(new ModelCall(route.model(), prompt.messages(), route.options(), route.format()))
                .select().first(output -> !answer.stopped())
                .onItem().transformToIterable(answer::on)
                .onFailure().invoke(failure -> Log.warnf("Generation for turn %s failed: %s", event.turnId(), failure))
                .onFailure().recoverWithCompletion();
        Multi<Envelope> closing = Multi.createFrom().deferred(() -> Multi.createFrom().iterable(answer.finish()))
                .onCompletion().invoke(() -> metrics.answered(request.task(), answer));
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(verdicts), generated, closing);
    }

    /** The user's words as the model may see them; the original request still provides the fallbacks. */
    private static GenerationRequested redacted(GenerationRequested request, InputCheck input) {
        return new GenerationRequested(request.task(), input.history(), request.passages(),
                input.redact(request.fallbackText()), request.persona(), request.instructions(), request.silent(),
                request.endsTurn(), input.redact(request.summary()), request.guardrails(), request.maxChars());
    }

    /** What a knowledge answer must be grounded in: the passages it was given and the question it answers. */
    private static List<String> groundingSources(GenerationRequested request, Prompt prompt) {
        if (request.task() != GenerationTask.ANSWER || prompt.passages().isEmpty()) {
            return List.of();
        }
        List<String> sources = new ArrayList<>(prompt.passages().stream().map(Passage::text).toList());
        request.history().stream()
                .filter(turn -> turn.speaker() == ChatTurn.Speaker.USER)
                .reduce((first, second) -> second)
                .ifPresent(question -> sources.add(question.text()));
        return sources;
    }

    private List<Envelope> refusal(Envelope event, GenerationRequested request, InputCheck.Block block,
                                   List<Envelope> verdicts) {
        String text = block.topic() == null ? texts.refusal() : texts.topicRefusal().formatted(block.topic());
        GenerationRequested refused = new GenerationRequested(request.task(), request.history(), List.of(), text,
                request.persona(), null, request.silent(), request.endsTurn(), null, request.guardrails(), null);
        AnswerStream answer = new AnswerStream(event, refused, guardrails.unwatched(), List.of(), null,
                texts.safeEnding(), false);
        List<Envelope> events = new ArrayList<>(verdicts);
        events.addAll(answer.finish());
        metrics.answered(request.task(), answer);
        return events;
    }
}
