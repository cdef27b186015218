package dev.confab.generation.client;

import dev.confab.generation.config.GenerationConfig;
import dev.confab.generation.config.ModelRouter;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Keeps every model a task uses loaded in the sidecar: a model evicted after Ollama's idle timeout would make the
 * next user wait seconds for its first token. The chat client cannot send {@code keep_alive} per request, so the
 * models are loaded at start and again well before the keep-alive runs out.
 */
@ApplicationScoped
public class ModelKeeper {

    private final SidecarApi sidecar;
    private final ModelRouter router;
    private final String keepAlive;

    public ModelKeeper(@RestClient SidecarApi sidecar, ModelRouter router, GenerationConfig config) {
        this.sidecar = sidecar;
        this.router = router;
        this.keepAlive = config.sidecar().keepAlive();
    }

    @Scheduled(every = "${generation.sidecar.reload-every:10m}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> keepModelsLoaded() {
        return Multi.createFrom().iterable(router.models())
                .onItem().transformToUniAndConcatenate(this::load)
                .collect().last()
                .replaceWithVoid();
    }

    /** A sidecar that is not up yet is no error: the next round loads the model. */
    private Uni<Void> load(String model) {
        return sidecar.load(new SidecarApi.LoadRequest(model, keepAlive, false))
                .onFailure().invoke(failure -> Log.debugf("Could not load %s in the sidecar: %s", model, failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
