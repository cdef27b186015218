package dev.confab.guardrails.input;

import dev.confab.guardrails.Embeddings;

import java.util.List;
import java.util.Optional;

/**
 * Decides by meaning whether a message is about a denied topic, or about none of the allowed ones: the message's
 * embedding is compared with each topic's ("investment advice" against "should I buy shares with my savings?").
 */
public final class TopicMatcher {

    private final Embeddings embeddings;
    private final double threshold;

    /** @param threshold the cosine similarity from which a message is about a topic */
    public TopicMatcher(Embeddings embeddings, double threshold) {
        this.embeddings = embeddings;
        this.threshold = threshold;
    }

    /** The denied topic the message is about, and how close it is. */
    public Optional<Match> denied(String message, List<String> deniedTopics) {
        if (deniedTopics.isEmpty()) {
            return Optional.empty();
        }
        Embeddings.Nearest nearest = nearest(message, deniedTopics);
        return nearest.similarity() >= threshold
                ? Optional.of(new Match(deniedTopics.get(nearest.index()), nearest.similarity()))
                : Optional.empty();
    }

    /** Whether the message is about none of the allowed topics (never, when there are none). */
    public Optional<Match> outside(String message, List<String> allowedTopics) {
        if (allowedTopics.isEmpty()) {
            return Optional.empty();
        }
        Embeddings.Nearest nearest = nearest(message, allowedTopics);
        return nearest.similarity() < threshold
                ? Optional.of(new Match(allowedTopics.get(nearest.index()), nearest.similarity()))
                : Optional.empty();
    }

    /** The similarity to the closest topic, for calibrating the threshold. */
    public double similarity(String message, List<String> topics) {
        return nearest(message, topics).similarity();
    }

    private Embeddings.Nearest nearest(String message, List<String> topics) {
        return Embeddings.nearest(embeddings.embed(message), embeddings.embedAll(topics));
    }

    /** A topic and the message's similarity to it. */
    public record Match(String topic, double similarity) {
    }
}
