package dev.confab.contracts.event;

import java.util.List;

/**
 * A finished generation, so dialog can record the bot turn ({@code generation.completed}).
 *
 * @param model            the model that wrote the text, or {@code null} when a fallback did
 * @param promptTokens     tokens the model read, when it reported them
 * @param completionTokens tokens the model wrote, when it reported them
 * @param firstTokenMillis time from request to first token
 * @param totalMillis      time from request to the end of the stream
 * @param task             the task of the request, so dialog can tell a summary from an answer
 * @param promptVersion    the prompt file the model was asked with ({@code answer.v1}), or {@code null} when no
 *                         model was asked
 */
public record GenerationCompleted(String text, Provenance provenance, List<Citation> citations, String model,
                                  Integer promptTokens, Integer completionTokens, long firstTokenMillis,
                                  long totalMillis, GenerationTask task, String promptVersion) implements EventPayload {

    public GenerationCompleted {
        citations = List.copyOf(citations);
    }

    /** A completion whose task is not stated (producers from before the field existed). */
    public GenerationCompleted(String text, Provenance provenance, List<Citation> citations, String model,
                               Integer promptTokens, Integer completionTokens, long firstTokenMillis,
                               long totalMillis) {
        this(text, provenance, citations, model, promptTokens, completionTokens, firstTokenMillis, totalMillis, null,
                null);
    }
}
