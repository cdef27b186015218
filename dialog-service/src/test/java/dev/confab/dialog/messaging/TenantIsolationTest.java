package dev.confab.dialog.messaging;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.SharedPostgres;
import dev.confab.testsupport.TenantRows;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.confab.dialog.messaging.DialogServiceTest.SAMPLE;
import static dev.confab.dialog.messaging.DialogServiceTest.TENANT;
import static dev.confab.dialog.messaging.DialogServiceTest.awaitServed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tenant isolation beneath the service: PostgreSQL's row-level security shows the service's own role only the rows of
 * the tenant its transaction entered, so a query whose WHERE clause forgets the tenant still reads nothing of
 * another's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class TenantIsolationTest {

    private static final String OTHER = "globex";
    /** Tables where every tenant's conversations leave rows once a user has talked, consented and been reviewed. */
    private static final Set<String> SEEDED = Set.of("conversation", "transcript_entry", "user_memory",
            "conversation_review");

    private static String version;
    private static String otherVersion;

    @BeforeAll
    static void releaseTheSampleAssistantToBothTenants() {
        version = BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, SAMPLE).version();
        otherVersion = BundlePublisher.publish(SharedKafka.bootstrapServers(), OTHER, SAMPLE).version();
    }

    @Test
    void aQueryWithoutItsTenantInTheWhereClauseSeesOnlyTheTenantItsTransactionEntered() throws SQLException {
        awaitServed(TENANT, version);
        awaitServed(OTHER, otherVersion);
        talkConsentAndReview(TENANT);
        talkConsentAndReview(OTHER);
        List<String> tables = TenantRows.tenantOwnedTables();
        assertThat(tables).containsAll(SEEDED).contains("outbox_event");

        for (String table : tables) {
            assertThat(TenantRows.visible(table, TENANT)).as(table).isSubsetOf(TENANT);
            assertThat(TenantRows.visible(table, OTHER)).as(table).isSubsetOf(OTHER);
            assertThat(TenantRows.visible(table, null)).as(table + " with no tenant entered").isEmpty();
            if (SEEDED.contains(table)) {
                assertThat(TenantRows.visible(table, "*")).as(table + " for the platform").contains(TENANT, OTHER);
            }
        }
    }

    @Test
    void aTransactionCannotWriteARowOfAnotherTenant() throws SQLException {
        try (Connection service = SharedPostgres.asService()) {
            service.setAutoCommit(false);
            TenantRows.enter(service, TENANT);
            try (PreparedStatement insert = service.prepareStatement("insert into user_memory "
                    + "(id, tenant_id, user_id, consent, facts, updated_at) values (?, ?, ?, true, '{}', now())")) {
                insert.setString(1, OTHER + ":u-planted");
                insert.setString(2, OTHER);
                insert.setString(3, "u-planted");
                assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            } finally {
                service.rollback();
            }
        }
    }

    @Test
    void readinessSaysTheServicesRoleIsSubjectToRowLevelSecurity() {
        // A superuser or BYPASSRLS role would make every test above pass vacuously, and production unsafe.
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'tenant-isolation' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'tenant-isolation' }.data.row-level-security", equalTo("enforced"));
    }

    /** A signed-in user of the tenant talks, consents to memory, and a reviewer approves the conversation. */
    private static void talkConsentAndReview(String tenant) {
        String user = "u-" + UUID.randomUUID();
        TestKeys.asPlatform().contentType("application/json").body(Map.of("consent", true))
                .put("/v1/users/{user}/memory?tenant={tenant}", user, tenant).then().statusCode(200);
        Conversations chat = new Conversations(tenant, user);
        chat.send("hello", "greet");
        chat.replies();
        TestKeys.asPlatform().contentType("application/json").body(Map.of("verdict", "APPROVED"))
                .put("/v1/assistants/{tenant}/bank-support/conversations/{id}/review", tenant, chat.id())
                .then().statusCode(200);
    }
}
