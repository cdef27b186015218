package dev.confab.dialog.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Citation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.testsupport.EventSchemas;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedPostgres;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** dialog-service over real Kafka and PostgreSQL: one turn's events in, its transcript and next steps out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TurnConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicClient kafka;

    @BeforeAll
    static void connect() {
        kafka = TopicClient.shared();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void runsATurnFromUserMessageToRecordedAnswer() throws SQLException {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope understood = Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new MessageUnderstood("How much is a new card?", "en", List.of(), List.of(), "untrained"));

        send(Topics.CHAT_UNDERSTOOD, understood);

        Envelope search = single(Topics.RETRIEVAL_REQUESTS, conversationId);
        assertThat(search.payload()).isEqualTo(new RetrievalRequested("How much is a new card?", 3));
        assertThat(single(Topics.CONVERSATION_EVENTS, conversationId).type()).isEqualTo("conversation.started");

        Passage passage = new Passage("fees", "fees#1", "Fees", "https://bank.example/fees", "A new card is free.", 0.8);
        send(Topics.RETRIEVAL_RESULTS, search.next(new RetrievalPerformed("How much is a new card?", List.of(passage))));

        Envelope generation = single(Topics.GENERATION_REQUESTS, conversationId);
        GenerationRequested request = (GenerationRequested) generation.payload();
        assertThat(request.history()).containsExactly(new ChatTurn(Speaker.USER, "How much is a new card?"));
        assertThat(request.passages()).containsExactly(passage);
        assertThat(request.fallbackText()).isNotBlank();

        Citation citation = passage.citation();
        send(Topics.GENERATION_RESULTS, generation.next(new GenerationCompleted("It is free [1].", Provenance.RAG,
                List.of(citation), "test-model", 20, 5, 100, 300)));

        await().atMost(WAIT).until(() -> transcript(conversationId).size() == 2);
        assertThat(transcript(conversationId)).containsExactly("USER: How much is a new card?", "BOT: It is free [1].");
        List<Envelope> published = events(Topics.CONVERSATION_EVENTS, conversationId, 2);
        assertThat(published.get(1).payload()).isEqualTo(new BotMessage("It is free [1].", Provenance.RAG, List.of(citation)));
    }

    @Test
    void redeliveredUserMessageChangesNothing() throws SQLException {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope understood = Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new MessageUnderstood("hello", "en", List.of(), List.of(), "untrained"));

        send(Topics.CHAT_UNDERSTOOD, understood);
        send(Topics.CHAT_UNDERSTOOD, understood);
        Envelope marker = Envelope.first("acme", "bank-support", conversationId, "t-2", null,
                new MessageUnderstood("still there?", "en", List.of(), List.of(), "untrained"));
        send(Topics.CHAT_UNDERSTOOD, marker);

        // Events of one conversation are consumed in order, so once t-2 is recorded the duplicate has been seen.
        await().atMost(WAIT).until(() -> transcript(conversationId).contains("USER: still there?"));
        assertThat(transcript(conversationId)).containsExactly("USER: hello", "USER: still there?");
        assertThat(events(Topics.RETRIEVAL_REQUESTS, conversationId, 2)).extracting(Envelope::turnId)
                .containsExactly("t-1", "t-2");
    }

    private static void send(String topic, Envelope event) {
        kafka.send(topic, event.conversationId(), EventJson.write(event));
    }

    private static Envelope single(String topic, String conversationId) {
        return events(topic, conversationId, 1).get(0);
    }

    /** Waits for exactly {@code count} events of the conversation on the topic, each valid against its schema. */
    private static List<Envelope> events(String topic, String conversationId, int count) {
        return await().atMost(WAIT)
                .until(() -> kafka.conversation(topic, conversationId), records -> records.size() >= count)
                .stream()
                .peek(record -> assertThat(EventSchemas.violations(record.value())).isEmpty())
                .map(record -> EventJson.fromTree(record.value()))
                .toList();
    }

    private static List<String> transcript(String conversationId) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + SharedPostgres.port() + "/postgres";
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(
                     "select speaker, text from transcript_entry where conversation_id = ? order by id")) {
            query.setString(1, conversationId);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString("speaker") + ": " + rows.getString("text"));
                }
            }
            return lines;
        }
    }
}
