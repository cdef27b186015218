package dev.confab.generation.client;

import dev.confab.generation.SlmOutput;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Streams a chat completion from the Ollama-compatible sidecar through quarkus-langchain4j. */
@ApplicationScoped
public class SlmClient {

    private final StreamingChatModel model;
    private final String modelId;

    public SlmClient(StreamingChatModel model,
                     @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.model-id") String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    /** Tokens as the model produces them, then {@link SlmOutput.Finished}; fails if the sidecar does. */
    public Multi<SlmOutput> stream(List<ChatMessage> messages) {
        return Multi.createFrom().emitter(emitter -> model.chat(messages, new Handler(emitter, modelId)));
    }

    /** Bridges langchain4j's callbacks to a Mutiny stream. */
    private record Handler(MultiEmitter<? super SlmOutput> emitter, String requestedModel)
            implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String token) {
            emitter.emit(new SlmOutput.Token(token));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            TokenUsage usage = response.tokenUsage();
            // Ollama's streamed reply names the model, but langchain4j does not pass it on.
            String model = response.modelName() == null ? requestedModel : response.modelName();
            emitter.emit(new SlmOutput.Finished(model,
                    usage == null ? null : usage.inputTokenCount(),
                    usage == null ? null : usage.outputTokenCount()));
            emitter.complete();
        }

        @Override
        public void onError(Throwable error) {
            emitter.fail(error);
        }
    }
}
