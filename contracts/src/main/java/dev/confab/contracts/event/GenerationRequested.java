package dev.confab.contracts.event;

import java.util.List;

/**
 * Work for the SLM ({@code generation.requested}).
 *
 * @param history      earlier messages, oldest first, ending with the message being answered
 * @param passages     retrieved knowledge the answer may use and cite
 * @param fallbackText what to say when the model cannot answer in time
 * @param persona      who the assistant is and how it speaks, from its bundle; generation's default when absent
 * @param instructions what this task asks of the model, from the bundle's flow or pattern
 * @param silent       the answer fills a slot: publish only {@code generation.completed}, nothing to the user
 * @param endsTurn     whether the answer ends the turn ({@code reply.done}); dialog clears it when it will say
 *                     more after the answer
 * @param summary      the rolling summary of the conversation before {@code history}, when there is one
 * @param guardrails   the assistant's guardrail policy; generation's defaults when absent
 * @param maxChars     the longest answer the user's channel shows, when it has a limit
 * @param schema       the JSON schema the answer must follow, built for this request (a {@code COMMAND} over the
 *                     assistant's own flows and slots); the task's configured schema when {@code null}
 */
public record GenerationRequested(GenerationTask task, List<ChatTurn> history, List<Passage> passages,
                                  String fallbackText, String persona, String instructions, Boolean silent,
                                  Boolean endsTurn, String summary, GuardrailPolicy guardrails, Integer maxChars,
                                  String schema) implements EventPayload {

    public GenerationRequested {
        // Producers written before these fields existed meant: a visible answer that ends the turn.
        silent = silent != null && silent;
        endsTurn = endsTurn == null || endsTurn;
        guardrails = guardrails == null ? GuardrailPolicy.defaults() : guardrails;
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }

    /** A request whose answer follows the task's configured schema, if any. */
    public GenerationRequested(GenerationTask task, List<ChatTurn> history, List<Passage> passages,
                               String fallbackText, String persona, String instructions, Boolean silent,
                               Boolean endsTurn, String summary, GuardrailPolicy guardrails, Integer maxChars) {
        this(task, history, passages, fallbackText, persona, instructions, silent, endsTurn, summary, guardrails,
                maxChars, null);
    }

    /** A task whose answer the user sees and that ends the turn, in generation's default persona. */
    public GenerationRequested(GenerationTask task, List<ChatTurn> history, List<Passage> passages,
                               String fallbackText) {
        this(task, history, passages, fallbackText, null, null, false, true, null, null, null);
    }

    /** The same request with other history and passages, such as the user's words with personal data hidden. */
    public GenerationRequested withHistory(List<ChatTurn> redacted) {
        return new GenerationRequested(task, redacted, passages, fallbackText, persona, instructions, silent, endsTurn,
                summary, guardrails, maxChars, schema);
    }
}
