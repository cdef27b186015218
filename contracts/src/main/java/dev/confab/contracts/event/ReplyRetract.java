package dev.confab.contracts.event;

/**
 * Take back streamed text that failed an output guardrail ({@code reply.retract}): the client removes every token
 * from {@code fromIndex} on (the text from character {@code fromOffset}); a safe ending follows as new tokens.
 *
 * @param fromIndex  the first {@code reply.token} index to remove
 * @param fromOffset the character offset in the streamed text where the removed part starts
 * @param rail       the guardrail that failed
 */
public record ReplyRetract(int fromIndex, int fromOffset, String rail) implements EventPayload {
}
