package dev.confab.contracts.event;

import java.util.List;

/**
 * Work for the SLM ({@code generation.requested}).
 *
 * @param history      earlier messages, oldest first, ending with the message being answered
 * @param passages     retrieved knowledge the answer may use and cite
 * @param fallbackText what to say when the model cannot answer in time
 */
public record GenerationRequested(GenerationTask task, List<ChatTurn> history, List<Passage> passages,
                                  String fallbackText) implements EventPayload {

    public GenerationRequested {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
    }
}
