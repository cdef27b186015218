package dev.confab.local.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.SlotSet;
import dev.confab.contracts.event.TurnStarted;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs conversation tests through the gateway of a running suite, as a client would, and checks each turn's
 * replies and the events dialog published for it.
 */
public final class ConversationTestRunner implements AutoCloseable {

    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EVENTS_WAIT = Duration.ofSeconds(10);

    private final String gatewayUrl;
    private final Function<String, String> userTokens;
    private final ConversationEvents events;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** @param userTokens a signed-in user's token for a user id, from the suite's identity provider */
    public ConversationTestRunner(String gatewayUrl, String bootstrapServers, Function<String, String> userTokens) {
        this.gatewayUrl = gatewayUrl;
        this.userTokens = userTokens;
        this.events = new ConversationEvents(bootstrapServers);
    }

    /** Runs one test in a new conversation; returns what failed, empty when it passed. */
    public List<String> run(ConversationTest test) throws IOException, InterruptedException {
        String conversationId = "ct-" + UUID.randomUUID();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < test.turns().size() && failures.isEmpty(); i++) {
            ConversationTest.Turn turn = test.turns().get(i);
            List<String> said = send(conversationId, test.userId(), turn.user());
            for (Pattern expected : turn.bot()) {
                if (said.stream().noneMatch(text -> expected.matcher(text).find())) {
                    failures.add(turn.where() + ": no reply matches /" + expected + "/; the bot said " + said);
                }
            }
            int turnNumber = i + 1;
            failures.addAll(events.await(conversationId, seen -> compare(seen, turnNumber, turn), EVENTS_WAIT));
        }
        return failures;
    }

    private static List<String> compare(List<Envelope> seen, int turnNumber, ConversationTest.Turn turn) {
        List<String> failures = new ArrayList<>();
        List<TurnStarted> turns = payloads(seen, TurnStarted.class);
        if (turn.intent() != null) {
            String intent = turns.size() < turnNumber ? "(not yet seen)" : intentOf(turns.get(turnNumber - 1));
            if (!turn.intent().equals(intent)) {
                failures.add(turn.where() + ": intent " + intent + ", expected " + turn.intent());
            }
        }
        if (turn.slots() != null) {
            Map<String, String> slots = new HashMap<>();
            payloads(seen, SlotSet.class).forEach(slot -> slots.put(slot.slot(), slot.value()));
            turn.slots().forEach((slot, expected) -> {
                if (!Objects.equals(expected, slots.get(slot))) {
                    failures.add(turn.where() + ": slot " + slot + " is " + slots.get(slot) + ", expected " + expected);
                }
            });
        }
        if (turn.flow() != null) {
            String flow = activeFlow(payloads(seen, FlowChanged.class));
            if (!turn.flow().equals(flow)) {
                failures.add(turn.where() + ": flow in progress is " + flow + ", expected " + turn.flow());
            }
        }
        if (turn.handoff() != null && turn.handoff() == payloads(seen, HandoffRequested.class).isEmpty()) {
            failures.add(turn.where() + ": expected " + (turn.handoff() ? "a handoff" : "no handoff"));
        }
        return failures;
    }

    private static String intentOf(TurnStarted turn) {
        return turn.outOfScope() || turn.intent() == null ? "out_of_scope" : turn.intent();
    }

    /** The flow on top of the stack, replayed from the flow events. */
    private static String activeFlow(List<FlowChanged> changes) {
        List<String> stack = new ArrayList<>();
        for (FlowChanged change : changes) {
            switch (change.change()) {
                case STARTED:
                    stack.add(change.flow());
                    break;
                case COMPLETED:
                case CANCELLED:
                case FAILED:
                    stack.remove(change.flow());
                    break;
                default:
                    break;
            }
        }
        return stack.isEmpty() ? "none" : stack.get(stack.size() - 1);
    }

    private static <T> List<T> payloads(List<Envelope> events, Class<T> type) {
        return events.stream()
                .map(Envelope::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** Sends one message and returns the texts of the reply's {@code message} events. */
    private List<String> send(String conversationId, String userId, String text)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/conversations/"
                        + conversationId + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text))))
                .timeout(TURN_TIMEOUT);
        if (userId != null) {
            builder.header("X-User-Token", userTokens.apply(userId));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The gateway answered " + response.statusCode() + ": " + response.body());
        }
        List<String> messages = new ArrayList<>();
        String event = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && "message".equals(event)) {
                JsonNode data = json.readTree(line.substring("data:".length()));
                messages.add(data.path("text").asText());
            }
        }
        return messages;
    }

    @Override
    public void close() throws InterruptedException {
        events.close();
    }
}
