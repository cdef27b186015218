package dev.confab.nlu.health;

import dev.confab.nlu.service.NluModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once every released assistant seen so far is trained: before that some messages could not be understood.
 * Reports the version understood for each assistant, and each failed training until its retry succeeds.
 */
@Readiness
@ApplicationScoped
public class NluModelReadiness implements HealthCheck {

    private final NluModels models;

    public NluModelReadiness(NluModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        NluModels.Readiness readiness = models.readiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("nlu-models")
                .status(readiness.ready())
                .withData("training", readiness.training());
        readiness.served().forEach(response::withData);
        readiness.failures().forEach((assistant, failure) -> response.withData("failed " + assistant, failure));
        if (readiness.served().isEmpty()) {
            response.withData("state", "no assistant bundle trained yet");
        }
        return response.build();
    }
}
