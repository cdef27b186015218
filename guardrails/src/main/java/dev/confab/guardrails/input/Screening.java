package dev.confab.guardrails.input;

import dev.confab.contracts.event.GuardrailVerdict;

import java.util.List;
import java.util.Optional;

/**
 * Whether the model may answer the user's latest message at all (prompt injection, topics).
 *
 * @param verdicts one per rail that ran
 * @param block    why the model must not answer, when it must not
 */
public record Screening(List<GuardrailVerdict> verdicts, Optional<Block> block) {

    public Screening {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * A refusal instead of an answer.
     *
     * @param rail  the rail that blocked
     * @param topic the denied topic, when a topic rail blocked
     */
    public record Block(String rail, String reason, String topic) {
    }
}
