package dev.confab.dialog.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.EntityValue;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.IntentScore;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.testsupport.TopicClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Plays the NLU's part in dialog tests: sends understood user messages and reads the bot's replies of a turn. It
 * also plays an SLM that has no command for what the NLU could not read, so turns go on with the NLU's reading
 * (SlmCommandTest covers commands).
 */
final class Conversations {

    static final TopicClient KAFKA = TopicClient.shared();

    private final String tenant;
    private final String conversationId = "c-" + UUID.randomUUID();
    private final String userId;
    private int turns;
    private final Set<UUID> commandsAnswered = new HashSet<>();

    Conversations(String tenant) {
        this(tenant, null);
    }

    /** A conversation of a signed-in user. */
    Conversations(String tenant, String userId) {
        this.tenant = tenant;
        this.userId = userId;
    }

    String id() {
        return conversationId;
    }

    /** Sends a message as the NLU understood it; {@code intent == null} means out of scope. Returns the event. */
    Envelope send(String text, String intent, EntityValue... entities) {
        List<IntentScore> intents = intent == null ? List.of() : List.of(new IntentScore(intent, 0.9));
        return send(new MessageUnderstood(text, "en", intents, intent == null, false, List.of(), List.of(entities),
                "test", "web", userId));
    }

    /** Sends a message into this conversation as someone else ({@code null}: no signed-in user) would. */
    Envelope sendAs(String otherUser, String text, String intent) {
        return send(new MessageUnderstood(text, "en", List.of(new IntentScore(intent, 0.9)), false, false, List.of(),
                List.of(), "test", "web", otherUser));
    }

    /** Sends a message the NLU was unsure of: these intents, best first, too close to choose between. */
    Envelope sendAmbiguous(String text, IntentScore... intents) {
        return send(new MessageUnderstood(text, "en", List.of(intents), false, true, List.of(), List.of(), "test",
                "web", userId));
    }

    private Envelope send(MessageUnderstood understood) {
        turns++;
        Envelope event = Envelope.first(tenant, "bank-support", conversationId, "t-" + turns, null, understood);
        KAFKA.send(event);
        return event;
    }

    /** What the bot said in the last turn, once the turn is done. */
    List<String> replies() {
        return replies("t-" + turns);
    }

    List<String> replies(String turnId) {
        List<Envelope> turn = await().atMost(Duration.ofSeconds(30))
                .until(() -> {
                    answerCommandRequests(turnId);
                    return events(Topics.CHAT_OUTBOUND, turnId);
                },
                        events -> !events.isEmpty() && "reply.done".equals(events.get(events.size() - 1).type()));
        List<String> texts = new ArrayList<>();
        turn.stream()
                .filter(event -> event.payload() instanceof ReplyMessage)
                .forEach(event -> texts.add(((ReplyMessage) event.payload()).text()));
        return texts;
    }

    private void answerCommandRequests(String turnId) {
        events(Topics.GENERATION_REQUESTS, turnId).stream()
                .filter(event -> event.payload() instanceof GenerationRequested request
                        && request.task() == GenerationTask.COMMAND)
                .filter(event -> commandsAnswered.add(event.eventId()))
                .forEach(event -> KAFKA.send(event.next(new GenerationCompleted("I can't tell.", Provenance.GENERATIVE,
                        List.of(), "test", null, null, 0, 0, GenerationTask.COMMAND, "command.v1"))));
    }

    /** This conversation's events of one turn on a topic. */
    List<Envelope> events(String topic, String turnId) {
        return KAFKA.awaitEvents(topic, conversationId, 0).stream()
                .filter(event -> event.turnId().equals(turnId))
                .toList();
    }

    static EntityValue entity(String entity, String text, String value) {
        return new EntityValue(entity, text, value, 0, text.length(), "rule", 1.0);
    }
}
