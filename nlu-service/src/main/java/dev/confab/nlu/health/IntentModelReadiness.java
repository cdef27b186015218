package dev.confab.nlu.health;

import dev.confab.nlu.service.IntentModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the intent model is trained: before that the service cannot understand anything. */
@Readiness
@ApplicationScoped
public class IntentModelReadiness implements HealthCheck {

    private final IntentModel model;

    public IntentModelReadiness(IntentModel model) {
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
        return model.ifReady()
                .map(classifier -> HealthCheckResponse.named("nlu-model")
                        .up()
                        .withData("version", classifier.version())
                        .withData("intents", classifier.intents().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("nlu-model").down().withData("state", "training").build());
    }
}
