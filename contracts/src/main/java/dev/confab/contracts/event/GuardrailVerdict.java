package dev.confab.contracts.event;

/**
 * What one guardrail decided about one generation ({@code guardrail.verdict}).
 *
 * @param rail    the guardrail, such as {@code pii}, {@code prompt_injection}, {@code groundedness}
 * @param stage   whether it checked the user's input or the model's output
 * @param outcome what it did
 * @param reason  why, for a reviewer; never the personal data it found
 * @param score   the rail's score when it has one (a similarity, a detector's confidence)
 */
public record GuardrailVerdict(String rail, Stage stage, Outcome outcome, String reason, Double score)
        implements EventPayload {

    /** Where a rail runs. */
    public enum Stage {
        INPUT, OUTPUT
    }

    /** A rail's decision. */
    public enum Outcome {
        /** Nothing to do. */
        PASSED,
        /** Personal data hidden from the model (input) or from the user (output). */
        REDACTED,
        /** The request was answered with a refusal instead of by the model. */
        BLOCKED,
        /** Streamed text was taken back and a safe ending sent. */
        RETRACTED
    }
}
