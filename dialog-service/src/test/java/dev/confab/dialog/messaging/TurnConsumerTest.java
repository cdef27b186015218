package dev.confab.dialog.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.Citation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedPostgres;
import dev.confab.testsupport.TopicClient;
import dev.confab.testsupport.Transcripts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** dialog-service over real Kafka and PostgreSQL: one turn's events in, its transcript and next steps out. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TurnConsumerTest {

    private static final TopicClient kafka = TopicClient.shared();

    @Test
    void runsATurnFromUserMessageToRecordedAnswer() {
        String conversationId = "c-" + UUID.randomUUID();
        kafka.send(understood(conversationId, "t-1", "How much is a new card?"));

        Envelope search = kafka.awaitEvents(Topics.RETRIEVAL_REQUESTS, conversationId, 1).get(0);
        assertThat(search.payload()).isEqualTo(new RetrievalRequested("How much is a new card?", 3));
        assertThat(kafka.awaitEvents(Topics.CONVERSATION_EVENTS, conversationId, 1).get(0).type())
                .isEqualTo("conversation.started");

        Passage passage = new Passage("fees", "fees#1", "Fees", "https://bank.example/fees", "A new card is free.", 0.8);
        kafka.send(search.next(new RetrievalPerformed("How much is a new card?", List.of(passage))));

        Envelope generation = kafka.awaitEvents(Topics.GENERATION_REQUESTS, conversationId, 1).get(0);
        GenerationRequested request = (GenerationRequested) generation.payload();
        assertThat(request.history()).containsExactly(new ChatTurn(Speaker.USER, "How much is a new card?"));
        assertThat(request.passages()).containsExactly(passage);
        assertThat(request.fallbackText()).isNotBlank();

        Citation citation = passage.citation();
        kafka.send(generation.next(new GenerationCompleted("It is free [1].", Provenance.RAG, List.of(citation),
                "test-model", 20, 5, 100, 300)));

        await().atMost(Duration.ofSeconds(30)).until(() -> transcript(conversationId).size() == 2);
        assertThat(transcript(conversationId)).containsExactly("USER: How much is a new card?", "BOT: It is free [1].");
        List<Envelope> published = kafka.awaitEvents(Topics.CONVERSATION_EVENTS, conversationId, 2);
        assertThat(published.get(1).payload())
                .isEqualTo(new BotMessage("It is free [1].", Provenance.RAG, List.of(citation)));
    }

    @Test
    void redeliveredUserMessageChangesNothing() {
        String conversationId = "c-" + UUID.randomUUID();
        Envelope hello = understood(conversationId, "t-1", "hello");

        kafka.send(hello);
        kafka.send(hello);
        kafka.send(understood(conversationId, "t-2", "still there?"));

        // Events of one conversation are consumed in order, so once t-2 is recorded the duplicate has been seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> transcript(conversationId).contains("USER: still there?"));
        assertThat(transcript(conversationId)).containsExactly("USER: hello", "USER: still there?");
        assertThat(kafka.awaitEvents(Topics.RETRIEVAL_REQUESTS, conversationId, 2)).extracting(Envelope::turnId)
                .containsExactly("t-1", "t-2");
    }

    private static Envelope understood(String conversationId, String turnId, String text) {
        return Envelope.first("acme", "bank-support", conversationId, turnId, null,
                new MessageUnderstood(text, "en", List.of(), true, false, List.of(), List.of(), "untrained"));
    }

    private static List<String> transcript(String conversationId) {
        return Transcripts.read("jdbc:postgresql://localhost:" + SharedPostgres.port() + "/postgres", conversationId);
    }
}
