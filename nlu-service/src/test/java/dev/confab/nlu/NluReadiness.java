package dev.confab.nlu;

import dev.confab.testsupport.TestKeys;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits for the test assistant's model: the service trains it in the background after startup. */
public final class NluReadiness {

    private NluReadiness() {
    }

    public static void awaitModel() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TestKeys.asPlatform().get("/q/health/ready").statusCode() == 200);
    }
}
