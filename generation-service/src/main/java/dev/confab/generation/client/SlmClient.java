package dev.confab.generation.client;

import dev.confab.generation.SlmOutput;
import dev.confab.generation.config.GenerationConfig;
import io.quarkiverse.langchain4j.ollama.ChatRequest;
import io.quarkiverse.langchain4j.ollama.ChatResponse;
import io.quarkiverse.langchain4j.ollama.OllamaClient;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Streams a chat from the Ollama-compatible sidecar with quarkus-langchain4j's Ollama client, which takes a model,
 * options and a format per request (so one client serves every task) and cancels the HTTP request when the
 * stream's subscriber goes away.
 */
@ApplicationScoped
public class SlmClient {

    private final OllamaClient client;

    public SlmClient(GenerationConfig config) {
        this.client = new OllamaClient(config.sidecar().baseUrl(), config.sidecar().timeout(), false, false, false,
                "default", null);
    }

    /** Tokens as the model writes them, then {@link SlmOutput.Finished}; fails if the sidecar does. */
    public Multi<SlmOutput> stream(ModelCall call) {
        ChatRequest request = ChatRequest.builder()
                .model(call.model())
                .messages(call.messages())
                .options(call.options())
                .format(call.format())
                .stream(true)
                .build();
        return client.streamingChat(request)
                .map(SlmClient::output)
                .filter(output -> !(output instanceof SlmOutput.Token token) || !token.text().isEmpty());
    }

    private static SlmOutput output(ChatResponse line) {
        if (Boolean.TRUE.equals(line.done())) {
            return new SlmOutput.Finished(line.model(), line.promptEvalCount(), line.evalCount());
        }
        return new SlmOutput.Token(line.message() == null || line.message().content() == null
                ? ""
                : line.message().content());
    }
}
