package dev.confab.nlu;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Waits for the test assistant's model: the service trains it in the background after startup. */
public final class NluReadiness {

    private NluReadiness() {
    }

    public static void awaitModel() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
