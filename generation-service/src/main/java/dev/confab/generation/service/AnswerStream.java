package dev.confab.generation.service;

import dev.confab.contracts.event.Citation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.GuardrailVerdict;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.generation.SlmOutput;
import dev.confab.guardrails.output.OutputMonitor;
import dev.confab.guardrails.output.OutputStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one generation into reply events: the model's text as it passes the output rails, a {@code reply.retract}
 * when a sentence fails (or the whole text is longer than the channel shows), and a closing that always gives the
 * user a complete answer — what passed (with a safe ending after a retraction), else the best passage verbatim,
 * else dialog's template.
 */
final class AnswerStream {

    /** The rail name of a retraction for length: the channel shows at most {@code maxChars}. */
    static final String LENGTH_BUDGET = "length_budget";

    /** The rail name of a retraction of a whole rephrasing because part of it was taken back. */
    static final String PARTIAL_REPHRASING = "partial_rephrasing";

    private final Envelope request;
    private final GenerationRequested task;
    private final OutputMonitor monitor;
    private final List<Passage> passages;
    private final String promptVersion;
    private final String safeEnding;
    private final boolean typed;
    private final long startNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> tokenStarts = new ArrayList<>();
    private long firstTokenNanos;
    private Provenance provenance;
    private List<Citation> citations;
    private SlmOutput.Finished finished;
    private volatile boolean cancelled;

    /**
     * @param passages      the passages the prompt numbered, so [n] in the answer cites the n-th
     * @param promptVersion the prompt the model is asked with, or {@code null} when it is not asked
     * @param typed         the model answers in JSON ({@code {"value": …}}), whose value is the answer
     */
    AnswerStream(Envelope request, GenerationRequested task, OutputMonitor monitor, List<Passage> passages,
                 String promptVersion, String safeEnding, boolean typed) {
        this.request = request;
        this.task = task;
        this.monitor = monitor;
        this.passages = passages;
        this.promptVersion = promptVersion;
        this.safeEnding = safeEnding;
        this.typed = typed;
        this.provenance = task.task() == GenerationTask.REPHRASE ? Provenance.REPHRASED
                : passages.isEmpty() ? Provenance.GENERATIVE : Provenance.RAG;
        this.citations = passages.stream().map(Passage::citation).toList();
    }

    /** The events for one piece of model output; none once a sentence has been retracted. */
    List<Envelope> on(SlmOutput output) {
        if (output instanceof SlmOutput.Token token) {
            return events(monitor.accept(token.text()));
        }
        finished = (SlmOutput.Finished) output;
        return List.of();
    }

    /** Whether the model's further output would be ignored, so the stream can stop. */
    boolean stopped() {
        return cancelled || monitor.retracted();
    }

    /** The client went away: the model stops at its next token and the answer ends at its last full sentence. */
    void cancel() {
        cancelled = true;
    }

    /**
     * The closing events: the rest of the text, the full message, end of turn and the generation record. A stream
     * without Ollama's closing line broke off (a failure, a stall, a malformed line, a cancellation), so its
     * unfinished sentence is taken back.
     */
    List<Envelope> finish() {
        boolean brokenOff = finished == null || cancelled;
        List<Envelope> closing = new ArrayList<>(events(brokenOff ? monitor.interrupt() : monitor.finish()));
        if (overBudget()) {
            // Longer than the channel shows (a rephrasing the model did not keep short): the template instead.
            closing.addAll(retract(new OutputStep.Retract(0, LENGTH_BUDGET, "longer than " + task.maxChars())));
        } else if (task.task() == GenerationTask.REPHRASE && monitor.retracted() && !text.isEmpty()) {
            // What is left of a rephrasing misses part of what the template says: the whole template instead.
            closing.addAll(retract(new OutputStep.Retract(0, PARTIAL_REPHRASING, "part of it was taken back")));
        }
        if (text.toString().isBlank()) {
            closing.addAll(fallback());
        } else if (monitor.railFailed()) {
            closing.addAll(say(safeEnding));
        }
        String answer = typed ? TypedAnswer.value(text.toString()).orElse(null) : text.toString().strip();
        if (answer == null) {
            closing.addAll(fallback());
            answer = text.toString().strip();
        }
        if (!task.silent()) {
            closing.add(request.next(new ReplyMessage(answer, provenance, citations)));
            if (task.endsTurn()) {
                closing.add(request.next(new ReplyDone(1)));
            }
        }
        SlmOutput.Finished usage = finished == null ? new SlmOutput.Finished(null, null, null) : finished;
        closing.add(request.next(new GenerationCompleted(answer, provenance, citations, modelThatAnswered(usage),
                usage.promptTokens(), usage.outputTokens(), millis(firstTokenNanos), millis(System.nanoTime()),
                task.task(), promptVersion)));
        monitor.verdicts().forEach(verdict -> closing.add(request.next(verdict)));
        return closing;
    }

    private boolean overBudget() {
        return task.maxChars() != null && text.toString().strip().length() > task.maxChars();
    }

    /** How the answer was produced; final once {@link #finish()} has run. */
    Provenance provenance() {
        return provenance;
    }

    /** The output rails' verdicts, final once {@link #finish()} has run. */
    List<GuardrailVerdict> outputVerdicts() {
        return monitor.verdicts();
    }

    /** Milliseconds from the request to the first token, once there was one. */
    long firstTokenMillis() {
        return millis(firstTokenNanos);
    }

    private String modelThatAnswered(SlmOutput.Finished usage) {
        return provenance == Provenance.EXTRACTIVE || provenance == Provenance.TEMPLATE ? null : usage.model();
    }

    private List<Envelope> fallback() {
        text.setLength(0);
        if (passages.isEmpty()) {
            provenance = Provenance.TEMPLATE;
            citations = List.of();
            return say(task.fallbackText());
        }
        Passage best = passages.get(0);
        provenance = Provenance.EXTRACTIVE;
        citations = List.of(best.citation());
        return say(best.text());
    }

    private List<Envelope> events(List<OutputStep> steps) {
        List<Envelope> events = new ArrayList<>(steps.size());
        for (OutputStep step : steps) {
            if (step instanceof OutputStep.Show show) {
                events.addAll(say(show.text()));
            } else if (step instanceof OutputStep.Retract retract) {
                events.addAll(retract(retract));
            }
        }
        return events;
    }

    private List<Envelope> say(String piece) {
        if (firstTokenNanos == 0) {
            firstTokenNanos = System.nanoTime();
        }
        int index = tokenStarts.size();
        tokenStarts.add(text.length());
        text.append(piece);
        return visible(new ReplyToken(index, piece));
    }

    private List<Envelope> retract(OutputStep.Retract retract) {
        int fromIndex = 0;
        while (fromIndex + 1 < tokenStarts.size() && tokenStarts.get(fromIndex + 1) <= retract.fromOffset()) {
            fromIndex++;
        }
        text.setLength(retract.fromOffset());
        return visible(new ReplyRetract(fromIndex, retract.fromOffset(), retract.rail()));
    }

    private List<Envelope> visible(EventPayload payload) {
        return task.silent() ? List.of() : List.of(request.next(payload));
    }

    private long millis(long nanos) {
        return nanos == 0 ? 0 : (nanos - startNanos) / 1_000_000;
    }
}
