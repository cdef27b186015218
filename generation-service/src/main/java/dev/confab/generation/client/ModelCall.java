package dev.confab.generation.client;

import io.quarkiverse.langchain4j.ollama.Message;
import io.quarkiverse.langchain4j.ollama.Options;

import java.util.List;

/**
 * One request to the sidecar.
 *
 * @param model    the model that answers, chosen per task
 * @param messages the prompt
 * @param options  sampling options and the context window
 * @param format   a JSON schema the answer must follow, or {@code null} for free text
 */
public record ModelCall(String model, List<Message> messages, Options options, String format) {

    public ModelCall {
        messages = List.copyOf(messages);
    }
}
