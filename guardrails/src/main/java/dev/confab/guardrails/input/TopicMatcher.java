package dev.confab.guardrails.input;

import dev.confab.contracts.event.GuardrailPolicy.Topic;
import dev.confab.guardrails.Embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides by meaning whether a message is about a denied topic, or about none of the allowed ones: the message's
 * embedding is compared with those of each topic's name and examples, and the closest one counts. A name alone is
 * a poor match for real questions ("investment advice" against "should I buy shares with my savings?"), which the
 * examples fix: measured in docs/benchmarks.md.
 */
public final class TopicMatcher {

    private final Embeddings embeddings;
    private final double threshold;

    /** @param threshold the cosine similarity from which a message is about a topic */
    public TopicMatcher(Embeddings embeddings, double threshold) {
        this.embeddings = embeddings;
        this.threshold = threshold;
    }

    /** The denied topic the message (its unit-length embedding) is about, and how close it is. */
    public Optional<Match> denied(float[] message, List<Topic> deniedTopics) {
        if (deniedTopics.isEmpty()) {
            return Optional.empty();
        }
        Match nearest = nearest(message, deniedTopics);
        return nearest.similarity() >= threshold ? Optional.of(nearest) : Optional.empty();
    }

    /** Whether the message (its embedding) is about none of the allowed topics (never, when there are none). */
    public Optional<Match> outside(float[] message, List<Topic> allowedTopics) {
        if (allowedTopics.isEmpty()) {
            return Optional.empty();
        }
        Match nearest = nearest(message, allowedTopics);
        return nearest.similarity() < threshold ? Optional.of(nearest) : Optional.empty();
    }

    /** The closest topic whatever the threshold, for calibrating and evaluating. */
    public Match nearest(String message, List<Topic> topics) {
        return nearest(embeddings.embed(message), topics);
    }

    private Match nearest(float[] message, List<Topic> topics) {
        List<String> texts = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (Topic topic : topics) {
            texts.add(topic.name());
            owners.add(topic.name());
            topic.examples().forEach(example -> {
                texts.add(example);
                owners.add(topic.name());
            });
        }
        Embeddings.Nearest nearest = Embeddings.nearest(message, embeddings.embedAll(texts));
        return new Match(owners.get(nearest.index()), nearest.similarity());
    }

    /** A topic and the message's similarity to it. */
    public record Match(String topic, double similarity) {
    }
}
