package dev.confab.generation.service;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.generation.client.ModelCall;
import dev.confab.generation.client.SidecarStreams;
import dev.confab.generation.SlmOutput;
import dev.confab.generation.config.GenerationConfig;
import dev.confab.generation.config.ModelRouter;
import dev.confab.generation.prompt.Prompt;
import dev.confab.generation.prompt.PromptBuilder;
import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.Redaction;
import dev.confab.guardrails.input.Screening;
import dev.confab.guardrails.output.OutputMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
    private final AnswersInFlight inFlight;

    public GenerationService(SidecarStreams sidecar, PromptBuilder prompts, ModelRouter router, Guardrails guardrails,
                             GenerationConfig config, AnswersInFlight inFlight, MeterRegistry registry) {
        this.sidecar = sidecar;
        this.prompts = prompts;
        this.router = router;
        this.guardrails = guardrails;
        this.texts = config.guardrails();
        this.metrics = new GenerationMetrics(registry);
        this.inFlight = inFlight;
    }

    /**
     * Token events as the model writes them, then the closing events (with every guardrail verdict). Redaction
     * is a few regular expressions and precedes the model call; the screening (injection, topics) needs the
     * sentence encoder, so it runs on a worker thread while the model starts, and the model's first token waits
     * for it: the model's own time to first token hides it. A message the screening blocks never shows a token:
     * the model is cancelled and the user gets the refusal.
     */
    public Multi<Envelope> respond(Envelope event, GenerationRequested request) {
        return Multi.createFrom().deferred(() -> answer(event, request));
    }

    private Multi<Envelope> answer(Envelope event, GenerationRequested request) {
        Redaction redaction = guardrails.redact(request.guardrails(), request.history());
        Uni<Screening> screening = Uni.createFrom().item(() -> guardrails.screen(request.guardrails(),
                        request.history(), USER_DRIVEN.contains(request.task())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(GenerationService::unscreened)
                .memoize().indefinitely();
        screening.subscribe().with(screened -> Log.tracef("Screened turn %s", event.turnId()));
        ModelRouter.Route route = router.route(request.task());
        Prompt prompt = prompts.build(redacted(request, redaction));
        AnswerStream answer = new AnswerStream(event, request, watch(request, redaction, prompt), prompt.passages(),
                prompt.version(), texts.safeEnding(), route.format() != null);
        inFlight.started(event.conversationId(), event.turnId(), answer);
        Multi<SlmOutput> written = sidecar.stream(new ModelCall(route.model(), prompt.messages(), route.options(),
                // The client sends a format as raw JSON only when it is one object without surrounding space.
                request.schema() != null ? request.schema().strip() : route.format()));
        Multi<Envelope> generated = (route.budget() == null ? written : written.select().first(route.budget()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().call(output -> screening)
                .select().first(output -> !answer.stopped() && !blocked(screening))
                .onItem().transformToIterable(answer::on)
                .onFailure().invoke(failure -> Log.warnf("Generation for turn %s failed: %s", event.turnId(), failure))
                .onFailure().recoverWithCompletion();
        Multi<Envelope> closing = screening
                .onItem().transformToMulti(screened -> Multi.createFrom().iterable(
                        closing(event, request, redaction, screened, answer)));
        return Multi.createBy().concatenating().streams(generated, closing)
                .onTermination().invoke(() -> inFlight.ended(event.conversationId(), event.turnId()));
    }

    /** The verdicts of the input rails, then the answer's closing, or the refusal when the screening blocked. */
    private List<Envelope> closing(Envelope event, GenerationRequested request, Redaction redaction,
                                   Screening screening, AnswerStream answer) {
        List<Envelope> events = new ArrayList<>();
        redaction.verdicts().forEach(verdict -> events.add(event.next(verdict)));
        screening.verdicts().forEach(verdict -> events.add(event.next(verdict)));
        redaction.verdicts().forEach(metrics::verdict);
        screening.verdicts().forEach(metrics::verdict);
        AnswerStream finished = screening.block()
                .map(block -> refusal(event, request, block))
                .orElse(answer);
        events.addAll(finished.finish());
        metrics.answered(request.task(), finished);
        return events;
    }

    /** A message the rails could not check is not answered by the model: failing closed is the safe side. */
    private static Screening unscreened(Throwable failure) {
        Log.errorf(failure, "Input screening failed; refusing");
        return new Screening(List.of(), Optional.of(new Screening.Block("screening", "the input could not be checked",
                null)));
    }

    private static boolean blocked(Uni<Screening> screening) {
        // The item was awaited just before (onItem().call), so the memoized result is there.
        return screening.await().indefinitely().block().isPresent();
    }

    /** The user's words as the model may see them; the original request still provides the fallbacks. */
    private static GenerationRequested redacted(GenerationRequested request, Redaction redaction) {
        return new GenerationRequested(request.task(), redaction.history(), request.passages(),
                redaction.redact(request.fallbackText()), request.persona(), request.instructions(), request.silent(),
                request.endsTurn(), redaction.redact(request.summary()), request.guardrails(), request.maxChars(),
                request.schema());
    }

    /**
     * The output rails: a rephrasing must say what its template says (its numbers, names and meaning); a knowledge
     * answer must be grounded in its passages.
     */
    private OutputMonitor watch(GenerationRequested request, Redaction redaction, Prompt prompt) {
        return request.task() == GenerationTask.REPHRASE
                ? guardrails.watchRephrasing(request.guardrails(), redaction, request.fallbackText())
                : guardrails.watch(request.guardrails(), redaction, groundingSources(request, prompt));
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

    /** An answer stream that says the refusal: a template, no model, no rails on it. */
    private AnswerStream refusal(Envelope event, GenerationRequested request, Screening.Block block) {
        String text = block.topic() == null ? texts.refusal() : texts.topicRefusal().formatted(block.topic());
        GenerationRequested refused = new GenerationRequested(request.task(), request.history(), List.of(), text,
                request.persona(), null, request.silent(), request.endsTurn(), null, request.guardrails(), null);
        return new AnswerStream(event, refused, guardrails.unwatched(), List.of(), null, texts.safeEnding(), false);
    }
}
