package dev.confab.dialog.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dialog's tables stay bounded and safe to share: the outbox sweep of one replica skips rows another holds, and the
 * ids of consumed events are forgotten once no redelivery can come.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class BoundedStateTest {


    @Inject
    OutboxRelay relay;

    @Inject
    ConsumedEventsPruner pruner;

    @Test
    void aSweepSkipsTheRowsAnotherReplicasSweepHoldsAndRelaysTheRest() throws Throwable {
        String held = "c-" + UUID.randomUUID();
        String free = "c-" + UUID.randomUUID();
        try (Connection otherReplica = SharedPostgres.asSuperuser()) {
            leftOver(otherReplica, held);
            leftOver(otherReplica, free);
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement(
                    "select id from outbox_event where conversation_id = ? for update")) {
                lock.setString(1, held);
                lock.executeQuery().close();
            }

            VertxContextSupport.subscribeAndAwait(() -> relay.relayLeftovers());

            assertThat(Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, free, 1)).hasSize(1);
            assertThat(outboxRows(held)).as("the held row waits for its holder, unpublished").isEqualTo(1);
            assertThat(Conversations.KAFKA.conversation(Topics.CONVERSATION_EVENTS, held)).isEmpty();
            otherReplica.rollback();
        }

        VertxContextSupport.subscribeAndAwait(() -> relay.relayLeftovers());

        assertThat(Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, held, 1)).hasSize(1);
        assertThat(outboxRows(held)).isZero();
    }

    @Test
    void idsOfEventsConsumedLongAgoAreForgottenAndRecentOnesKept() throws Throwable {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (Connection db = SharedPostgres.asSuperuser();
             PreparedStatement insert = db.prepareStatement(
                     "insert into processed_event (event_id, processed_at) values (?, ?)")) {
            insert.setObject(1, old);
            insert.setObject(2, Timestamp.from(Instant.now().minus(Duration.ofDays(9))));
            insert.executeUpdate();
            insert.setObject(1, recent);
            insert.setObject(2, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            insert.executeUpdate();
        }

        int forgotten = VertxContextSupport.subscribeAndAwait(
                () -> pruner.pruneOlderThan(Instant.now().minus(Duration.ofDays(8))));

        assertThat(forgotten).isPositive();
        assertThat(consumed(old)).isFalse();
        assertThat(consumed(recent)).isTrue();
    }

    /** An outbox row a minute old, as a crash between commit and publication leaves it. */
    private static void leftOver(Connection db, String conversationId) throws SQLException {
        Envelope event = Envelope.first(DialogServiceTest.TENANT, "bank-support", conversationId, "t-1", null,
                new ConversationEnded(ConversationEnded.Reason.CLOSED));
        try (PreparedStatement insert = db.prepareStatement(
                "insert into outbox_event (conversation_id, tenant_id, event, created_at) values (?, ?, ?, ?)")) {
            insert.setString(1, conversationId);
            insert.setString(2, event.tenantId());
            insert.setString(3, new String(EventJson.write(event), StandardCharsets.UTF_8));
            insert.setObject(4, Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
            insert.executeUpdate();
        }
    }

    private static int outboxRows(String conversationId) throws SQLException {
        return count("select count(*) from outbox_event where conversation_id = ?", conversationId);
    }

    private static boolean consumed(UUID eventId) throws SQLException {
        return count("select count(*) from processed_event where event_id = ?", eventId) == 1;
    }

    private static int count(String sql, Object key) throws SQLException {
        try (Connection db = SharedPostgres.asSuperuser();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
