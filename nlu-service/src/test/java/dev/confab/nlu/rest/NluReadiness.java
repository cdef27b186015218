package dev.confab.nlu.rest;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Waits for the test assistant's model: the service trains it in the background after startup. */
final class NluReadiness {

    private NluReadiness() {
    }

    static void awaitModel() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
