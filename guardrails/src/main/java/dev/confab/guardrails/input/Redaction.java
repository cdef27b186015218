package dev.confab.guardrails.input;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GuardrailVerdict;

import java.util.List;

/**
 * The conversation as the model may see it: personal data behind placeholders when the policy says so.
 *
 * @param history      the redacted messages
 * @param placeholders what the placeholders stand for, to restore the answer and redact other texts alike
 * @param verdicts     the PII rail's verdict, when it ran (the policy redacts)
 */
public record Redaction(List<ChatTurn> history, Placeholders placeholders, List<GuardrailVerdict> verdicts) {

    public Redaction {
        history = List.copyOf(history);
        verdicts = List.copyOf(verdicts);
    }

    /** Another text of the request (summary, draft), redacted like the history. */
    public String redact(String text) {
        return verdicts.isEmpty() ? text : placeholders.redact(text);
    }
}
