package dev.confab.retrieval.client;

import dev.confab.retrieval.config.RetrievalConfig;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Asks the SLM sidecar to restate a follow-up question as one that stands on its own ("and how much is it?" after
 * "I want a spare card" becomes "How much does a spare card cost?"). Empty when the SLM is slow, down or answers
 * with something that is not a short question; a circuit breaker stops asking for a while after repeated failures.
 */
@ApplicationScoped
public class SlmRestatement {

    private static final int MAX_CHARS = 300;
    private static final String INSTRUCTIONS = "You rewrite a customer's follow-up question into one standalone "
            + "question for a search engine, using only what the conversation says. Reply with the question alone.";

    private final ChatModel model;
    private final TypedGuard<String> guard;

    public SlmRestatement(ChatModel model, RetrievalConfig config) {
        this.model = model;
        this.guard = TypedGuard.create(new TypeLiteral<String>() { })
                .withDescription("slm-restatement")
                .withTimeout().duration(config.followUps().slmTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5).delay(30, ChronoUnit.SECONDS).done()
                .build();
    }

    public Optional<String> restate(String query, List<String> context) {
        StringBuilder conversation = new StringBuilder("Conversation:\n");
        context.forEach(message -> conversation.append("- ").append(message).append('\n'));
        conversation.append("Follow-up: ").append(query).append("\nStandalone question:");
        try {
            String answer = guard.call(() -> model.chat(SystemMessage.from(INSTRUCTIONS),
                    UserMessage.from(conversation.toString())).aiMessage().text());
            return usable(answer);
        } catch (Exception e) {
            Log.debugf("No SLM restatement of a follow-up: %s", e.toString());
            return Optional.empty();
        }
    }

    /** The first line, unquoted, if it is a plausible question rather than an essay. */
    private static Optional<String> usable(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String line = answer.strip().lines().findFirst().orElse("").strip().replaceAll("^[\"']|[\"']$", "");
        return line.isEmpty() || line.length() > MAX_CHARS ? Optional.empty() : Optional.of(line);
    }
}
