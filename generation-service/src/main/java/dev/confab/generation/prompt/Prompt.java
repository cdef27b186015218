package dev.confab.generation.prompt;

import dev.confab.contracts.event.Passage;
import io.quarkiverse.langchain4j.ollama.Message;

import java.util.List;

/**
 * What the model is sent for one request.
 *
 * @param messages        system prompt, then the conversation
 * @param version         the prompt file it was rendered from
 * @param passages        the passages that fit, numbered in this order as the citation markers [1], [2]…
 * @param tokens          the estimated size of the prompt
 * @param droppedTurns    earlier messages left out to fit the context window
 * @param droppedPassages passages left out to fit the context window
 */
public record Prompt(List<Message> messages, String version, List<Passage> passages, int tokens, int droppedTurns,
                     int droppedPassages) {

    public Prompt {
        messages = List.copyOf(messages);
        passages = List.copyOf(passages);
    }
}
