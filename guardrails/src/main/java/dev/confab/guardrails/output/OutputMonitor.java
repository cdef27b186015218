package dev.confab.guardrails.output;

import dev.confab.contracts.event.GuardrailVerdict;
import dev.confab.contracts.event.GuardrailVerdict.Outcome;
import dev.confab.contracts.event.GuardrailVerdict.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the output rails on a streamed answer without holding it back: text is shown as it arrives (with the user's
 * data restored), and each sentence is checked as soon as it is complete. When one fails, the monitor answers with
 * a {@link OutputStep.Retract} of that sentence and ignores the rest of the stream. A rephrasing is also checked
 * whole once it is complete.
 */
public final class OutputMonitor {

    /** The reason of a retraction that no rail made: the stream broke off mid-sentence. */
    public static final String INTERRUPTED = "stream_interrupted";

    private final PlaceholderRestorer restorer;
    private final List<SentenceRail> rails;
    private final Faithfulness faithfulness;
    private final StringBuilder shown = new StringBuilder();
    private int unchecked;
    private OutputStep.Retract retraction;

    /** @param faithfulness the whole-text check of a rephrasing, or {@code null} */
    OutputMonitor(PlaceholderRestorer restorer, List<SentenceRail> rails, Faithfulness faithfulness) {
        this.restorer = restorer;
        this.rails = List.copyOf(rails);
        this.faithfulness = faithfulness;
    }

    /** What to do after this piece of the model's output. */
    public List<OutputStep> accept(String piece) {
        return retraction != null ? List.of() : show(restorer.accept(piece), false);
    }

    /** What to do at the end of the stream: the last sentence is complete now. */
    public List<OutputStep> finish() {
        if (retraction != null) {
            return List.of();
        }
        List<OutputStep> steps = new ArrayList<>(show(restorer.flush(), true));
        if (retraction == null && faithfulness != null && !shown.toString().isBlank()) {
            faithfulness.violation(shown.toString().strip()).ifPresent(reason -> {
                retraction = new OutputStep.Retract(0, Faithfulness.NAME, reason);
                steps.add(retraction);
            });
        }
        return steps;
    }

    /**
     * What to do when the stream broke off (a stall, a dropped connection): a sentence the model did not finish is
     * taken back, so the answer ends at its last complete sentence.
     */
    public List<OutputStep> interrupt() {
        if (retraction != null) {
            return List.of();
        }
        List<OutputStep> steps = new ArrayList<>(show(restorer.flush(), false));
        if (retraction == null && !shown.substring(unchecked).isBlank()) {
            retraction = new OutputStep.Retract(unchecked, INTERRUPTED, "the model stopped mid-sentence");
            steps.add(retraction);
        }
        return steps;
    }

    /** Whether a sentence failed, after which the model's output is ignored. */
    public boolean retracted() {
        return retraction != null;
    }

    /** Whether a rail (not a broken stream) took text back. */
    public boolean railFailed() {
        return retraction != null && !INTERRUPTED.equals(retraction.rail());
    }

    /** The text the user sees: all that passed, without any retracted part. */
    public String text() {
        return retraction == null ? shown.toString() : shown.substring(0, retraction.fromOffset());
    }

    /** One verdict per rail: retracted for the rail that failed, passed for the others. */
    public List<GuardrailVerdict> verdicts() {
        List<String> names = new ArrayList<>(rails.stream().map(SentenceRail::name).toList());
        if (faithfulness != null) {
            names.add(Faithfulness.NAME);
        }
        return names.stream()
                .map(name -> retraction != null && retraction.rail().equals(name)
                        ? new GuardrailVerdict(name, Stage.OUTPUT, Outcome.RETRACTED, retraction.reason(), null)
                        : new GuardrailVerdict(name, Stage.OUTPUT, Outcome.PASSED, null, null))
                .toList();
    }

    private List<OutputStep> show(String visible, boolean last) {
        List<OutputStep> steps = new ArrayList<>(2);
        if (!visible.isEmpty()) {
            shown.append(visible);
            steps.add(new OutputStep.Show(visible));
        }
        int end = Sentences.endOfSentence(shown, unchecked);
        while (end > 0 || last && unchecked < shown.length()) {
            int sentenceEnd = end > 0 ? end : shown.length();
            Optional<OutputStep.Retract> failed = check(shown.substring(unchecked, sentenceEnd));
            if (failed.isPresent()) {
                retraction = failed.get();
                steps.add(retraction);
                return steps;
            }
            unchecked = sentenceEnd;
            end = Sentences.endOfSentence(shown, unchecked);
        }
        return steps;
    }

    private Optional<OutputStep.Retract> check(String sentence) {
        if (sentence.isBlank()) {
            return Optional.empty();
        }
        for (SentenceRail rail : rails) {
            Optional<String> violation = rail.violation(sentence.strip());
            if (violation.isPresent()) {
                return Optional.of(new OutputStep.Retract(unchecked, rail.name(), violation.get()));
            }
        }
        return Optional.empty();
    }
}
