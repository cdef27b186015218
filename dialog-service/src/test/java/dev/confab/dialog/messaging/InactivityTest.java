package dev.confab.dialog.messaging;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.SharedPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static dev.confab.dialog.messaging.DialogServiceTest.SAMPLE;
import static dev.confab.dialog.messaging.DialogServiceTest.awaitServed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversations users leave: past the assistant's timeout they end (INACTIVITY) with their open flows cancelled at
 * the step the user left; a conversation whose user is still within the timeout goes on, and a client's end is
 * never counted as the user leaving. The user's silence is
 * simulated by moving the conversation's expiry into the past, as waiting the sample's 30 minutes is no test.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class InactivityTest {

    private static final String TENANT = "quiet-co";

    private static String version;

    @BeforeAll
    static void releaseTheSampleAssistant() {
        version = BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, SAMPLE).version();
    }

    @Test
    void aConversationTheUserLeftEndsWithItsFlowCancelledWhereTheyStopped() throws SQLException {
        awaitServed(TENANT, version);
        Conversations left = new Conversations(TENANT);
        left.send("I want to top up", "topping_up_by_card");
        assertThat(left.replies()).endsWith("How much would you like to top up?");
        Conversations stays = new Conversations(TENANT);
        stays.send("I want to top up", "topping_up_by_card");
        stays.replies();

        expireNow(left.id());

        List<Object> ending = await().atMost(Duration.ofSeconds(30))
                .until(() -> payloads(left.id()), events -> events.stream().anyMatch(ConversationEnded.class::isInstance));
        assertThat(ending).containsSubsequence(new FlowChanged("top_up", FlowChange.CANCELLED, 0,
                "collect_top_up_amount"), new ConversationEnded(ConversationEnded.Reason.INACTIVITY));
        assertThat(payloads(stays.id())).noneMatch(ConversationEnded.class::isInstance);
    }

    @Test
    void aClientCannotPassItsEndOffAsTheUserLeaving() {
        awaitServed(TENANT, version);
        Conversations chat = new Conversations(TENANT);
        chat.send("I want to top up", "topping_up_by_card");
        chat.replies();

        Conversations.KAFKA.send(Envelope.first(TENANT, "bank-support", chat.id(), "end-1", null,
                new ConversationEndRequested(ConversationEndRequested.INACTIVITY)));

        List<Object> ending = await().atMost(Duration.ofSeconds(30))
                .until(() -> payloads(chat.id()), events -> events.stream().anyMatch(ConversationEnded.class::isInstance));
        assertThat(ending).contains(new ConversationEnded(ConversationEnded.Reason.CLOSED));
    }

    private static List<Object> payloads(String conversationId) {
        return Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, conversationId, 0).stream()
                .map(Envelope::payload)
                .map(Object.class::cast)
                .toList();
    }

    private static void expireNow(String conversationId) throws SQLException {
        try (Connection db = SharedPostgres.asSuperuser();
             PreparedStatement update = db.prepareStatement(
                     "update conversation set expires_at = now() - interval '1 minute' where id = ?")) {
            update.setString(1, conversationId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
