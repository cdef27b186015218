package dev.confab.generation;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.contracts.event.GuardrailPolicy.Topic;
import dev.confab.contracts.event.Passage;
import dev.confab.testsupport.TopicClient;

import java.util.List;
import java.util.UUID;

/** Sends generation requests the way dialog does and reads what generation published for them. */
public final class GenerationRequests {

    public static final Passage FEES = new Passage("fees", "fees#1", "Card fees", "https://bank.example/fees",
            "A replacement card is free once a year.", 0.8);
    public static final GuardrailPolicy BANK = new GuardrailPolicy(true, List.of("guaranteed returns"),
            List.of(new Topic("investment advice", List.of("Should I buy shares?", "Which fund should I invest in?"))),
            List.of(), true, List.of("PIN", "password"));

    private static final TopicClient KAFKA = TopicClient.shared();

    private GenerationRequests() {
    }

    /** Asks for an answer to {@code question} from these passages; returns the conversation id. */
    public static String ask(String question, List<Passage> passages) {
        return send(new GenerationRequested(GenerationTask.ANSWER, List.of(new ChatTurn(Speaker.USER, question)),
                passages, "Sorry, no answer.", null, null, false, true, null, BANK, null));
    }

    public static String send(GenerationRequested request) {
        String conversationId = "c-" + UUID.randomUUID();
        KAFKA.send(Envelope.first("acme", "bank-support", conversationId, "t-1", null, request));
        return conversationId;
    }

    /** What the client was sent for the conversation's turn, up to its {@code reply.done}. */
    public static List<Envelope> outbound(String conversationId) {
        return KAFKA.awaitUntil(Topics.CHAT_OUTBOUND, conversationId, "reply.done");
    }

    public static GenerationCompleted completed(String conversationId) {
        return (GenerationCompleted) KAFKA.awaitEvents(Topics.GENERATION_RESULTS, conversationId, 1).get(0).payload();
    }

    /** The events of one type among those sent to the client, in order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> payloads(List<Envelope> events, Class<T> type) {
        return events.stream()
                .map(Envelope::payload)
                .filter(type::isInstance)
                .map(payload -> (T) payload)
                .toList();
    }
}
