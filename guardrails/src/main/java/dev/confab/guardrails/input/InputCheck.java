package dev.confab.guardrails.input;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GuardrailVerdict;

import java.util.List;
import java.util.Optional;

/**
 * The input rails' result for one request.
 *
 * @param history      the conversation as the model may see it (personal data behind placeholders when the policy
 *                     says so)
 * @param placeholders what the placeholders stand for, to restore the answer and redact other texts alike
 * @param verdicts     one per input rail that ran
 * @param block        why the model must not be asked at all, when it must not
 */
public record InputCheck(List<ChatTurn> history, Placeholders placeholders, boolean redacts,
                         List<GuardrailVerdict> verdicts, Optional<Block> block) {

    public InputCheck {
        history = List.copyOf(history);
        verdicts = List.copyOf(verdicts);
    }

    /** Another text of the request (summary, draft), redacted like the history. */
    public String redact(String text) {
        return redacts ? placeholders.redact(text) : text;
    }

    /**
     * A refusal instead of an answer.
     *
     * @param rail  the rail that blocked
     * @param topic the denied (or nearest allowed) topic, when a topic rail blocked
     */
    public record Block(String rail, String reason, String topic) {
    }
}
