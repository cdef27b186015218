package dev.confab.generation.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers this instance is streaming, by conversation and turn, so a cancellation reaches its answer. Requests
 * and cancellations of a conversation share a partition, so the instance holding an answer is the one that reads
 * its cancellation.
 */
@ApplicationScoped
public class AnswersInFlight {

    private final Map<String, AnswerStream> answers = new ConcurrentHashMap<>();

    public AnswersInFlight(MeterRegistry registry) {
        registry.gaugeMapSize("confab.generation.answers.in.flight", List.of(), answers);
    }

    void started(String conversationId, String turnId, AnswerStream answer) {
        answers.put(key(conversationId, turnId), answer);
    }

    void ended(String conversationId, String turnId) {
        answers.remove(key(conversationId, turnId));
    }

    /** Stops the model of the turn's answer, if this instance is streaming it; whether it was. */
    public boolean cancel(String conversationId, String turnId) {
        AnswerStream answer = answers.get(key(conversationId, turnId));
        if (answer != null) {
            answer.cancel();
        }
        return answer != null;
    }

    private static String key(String conversationId, String turnId) {
        return conversationId + '/' + turnId;
    }
}
