package dev.confab.nlu.health;

import dev.confab.nlu.service.NluModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the NLU model is built: before that the service cannot understand anything. */
@Readiness
@ApplicationScoped
public class NluModelReadiness implements HealthCheck {

    private final NluModel model;

    public NluModelReadiness(NluModel model) {
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
        return model.ifReady()
                .map(pipeline -> HealthCheckResponse.named("nlu-model")
                        .up()
                        .withData("version", pipeline.classifier().version())
                        .withData("intents", pipeline.classifier().intents().size())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("nlu-model").down().withData("state", "training").build());
    }
}
