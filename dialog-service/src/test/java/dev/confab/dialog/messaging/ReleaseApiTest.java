package dev.confab.dialog.messaging;

import dev.confab.bundle.load.BundleLoader;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.confab.dialog.messaging.DialogServiceTest.SAMPLE;
import static dev.confab.dialog.messaging.DialogServiceTest.awaitServed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** An administrator releases a bundle with a key, not Kafka credentials; a broken bundle is refused with file:line. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class ReleaseApiTest {

    @Test
    void aValidBundleIsReleasedAndServed() {
        Map<String, String> files = new HashMap<>(BundleLoader.readDirectory(SAMPLE));
        String version = BundleLoader.load(files).version();

        TestKeys.asPlatform().contentType("application/json").body(Map.of("files", files))
                .post("/v1/assistants/{tenant}/releases", "released-by-api")
                .then().statusCode(202)
                .body("assistantId", equalTo("bank-support"))
                .body("version", equalTo(version))
                .body("digest", startsWith("sha256:"));

        awaitServed("released-by-api", version);
    }

    @Test
    void aBrokenBundleIsRefusedWithWhereItBreaks() {
        Map<String, String> files = new HashMap<>(BundleLoader.readDirectory(SAMPLE));
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("respond: card_blocked", "respond: card_blocked_ok"));

        TestKeys.asPlatform().contentType("application/json").body(Map.of("files", files))
                .post("/v1/assistants/{tenant}/releases", "released-by-api")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("flows/block_card.yaml:"))
                .body("detail", containsString("unknown response 'card_blocked_ok'"));
    }
}
