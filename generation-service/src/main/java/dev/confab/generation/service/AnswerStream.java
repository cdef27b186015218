package dev.confab.generation.service;

import dev.confab.contracts.event.Citation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.generation.SlmOutput;

import java.util.ArrayList;
import java.util.List;

/** Turns one generation into reply events, keeping the text so far, its timing and how it was produced. */
final class AnswerStream {

    private final Envelope request;
    private final GenerationRequested task;
    private final long startNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();
    private int tokens;
    private long firstTokenNanos;
    private Provenance provenance;
    private List<Citation> citations;
    private SlmOutput.Finished finished = new SlmOutput.Finished(null, null, null);

    AnswerStream(Envelope request, GenerationRequested task) {
        this.request = request;
        this.task = task;
        this.provenance = task.passages().isEmpty() ? Provenance.GENERATIVE : Provenance.RAG;
        this.citations = task.passages().stream().map(Passage::citation).toList();
    }

    /** The events for one piece of model output: a token event, or none for the closing summary or a silent task. */
    List<Envelope> on(SlmOutput output) {
        if (output instanceof SlmOutput.Token token) {
            Envelope event = token(token.text());
            return task.silent() ? List.of() : List.of(event);
        }
        finished = (SlmOutput.Finished) output;
        return List.of();
    }

    /**
     * The closing events: the full message, end of turn (unless dialog will say more), and the record of the
     * generation; a silent task gets only the record. If the model wrote nothing, the answer falls back first to
     * the best passage verbatim, else to dialog's template.
     */
    List<Envelope> finish() {
        List<Envelope> closing = new ArrayList<>();
        if (tokens == 0) {
            Envelope fallback = fallback();
            if (!task.silent()) {
                closing.add(fallback);
            }
        }
        String answer = text.toString();
        if (!task.silent()) {
            closing.add(request.next(new ReplyMessage(answer, provenance, citations)));
        }
        if (!task.silent() && task.endsTurn()) {
            closing.add(request.next(new ReplyDone(1)));
        }
        closing.add(request.next(new GenerationCompleted(answer, provenance, citations, finished.model(),
                finished.promptTokens(), finished.outputTokens(), millis(firstTokenNanos), millis(System.nanoTime()),
                task.task())));
        return closing;
    }

    /** How the answer was produced; final once {@link #finish()} has run. */
    Provenance provenance() {
        return provenance;
    }

    private Envelope fallback() {
        if (task.passages().isEmpty()) {
            provenance = Provenance.TEMPLATE;
            citations = List.of();
            return token(task.fallbackText());
        }
        Passage best = task.passages().get(0);
        provenance = Provenance.EXTRACTIVE;
        citations = List.of(best.citation());
        return token(best.text());
    }

    private Envelope token(String piece) {
        if (tokens == 0) {
            firstTokenNanos = System.nanoTime();
        }
        text.append(piece);
        return request.next(new ReplyToken(tokens++, piece));
    }

    private long millis(long nanos) {
        return (nanos - startNanos) / 1_000_000;
    }
}
