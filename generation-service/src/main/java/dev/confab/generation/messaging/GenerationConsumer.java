package dev.confab.generation.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.generation.service.GenerationService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Generates an answer for each request of {@code chat.generation.requests} and publishes it as it streams. */
@ApplicationScoped
public class GenerationConsumer {

    public static final String GENERATION_REQUESTS = "generation-requests";

    private final GenerationService generation;
    private final EventPublisher publisher;

    public GenerationConsumer(GenerationService generation, EventPublisher publisher) {
        this.generation = generation;
        this.publisher = publisher;
    }

    /** Completes, and so commits the request, once every reply event has been acknowledged by Kafka. */
    @Incoming(GENERATION_REQUESTS)
    public Uni<Void> generate(Envelope event) {
        if (event == null || !(event.payload() instanceof GenerationRequested request)) {
            Log.warnf("Skipping an event that is not a generation request: %s",
                    event == null ? "unreadable" : event.type());
            return Uni.createFrom().voidItem();
        }
        // Merge sends each token as soon as it exists; the producer keeps the send order within the partition.
        return generation.respond(event, request)
                .onItem().transformToUniAndMerge(publisher::publish)
                .collect().last()
                .replaceWithVoid();
    }
}
