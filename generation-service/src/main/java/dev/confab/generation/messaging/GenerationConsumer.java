package dev.confab.generation.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCancelled;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.contracts.metrics.TurnStage;
import dev.confab.generation.service.AnswersInFlight;
import dev.confab.generation.service.GenerationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Generates an answer for each request of {@code chat.generation.requests} and publishes it as it streams. Answers
 * stream concurrently: a request is taken as soon as it arrives (the sidecar bulkhead decides whether the model or
 * a fallback answers it), and it is acknowledged once every event of its answer is in Kafka. The throttled commit
 * strategy commits offsets only up to the oldest answer still streaming, so a crash loses no request. A
 * {@code generation.cancelled} (the client went away) stops its turn's model.
 */
@ApplicationScoped
public class GenerationConsumer {

    public static final String GENERATION_REQUESTS = "generation-requests";

    private static final CompletionStage<Void> TAKEN = CompletableFuture.completedFuture(null);

    private final GenerationService generation;
    private final EventPublisher publisher;
    private final AnswersInFlight inFlight;
    private final Timer stage;

    public GenerationConsumer(GenerationService generation, EventPublisher publisher, AnswersInFlight inFlight,
                              MeterRegistry meters) {
        this.generation = generation;
        this.publisher = publisher;
        this.inFlight = inFlight;
        this.stage = TurnStage.timer(meters, "generation");
    }

    @Incoming(GENERATION_REQUESTS)
    public CompletionStage<Void> generate(Message<Envelope> message) {
        Envelope event = message.getPayload();
        EventLogContext.of(event);
        if (event != null && event.payload() instanceof GenerationCancelled cancelled) {
            boolean found = inFlight.cancel(event.conversationId(), event.turnId());
            Log.debugf("Turn %s cancelled (%s); streaming here: %s", event.turnId(), cancelled.reason(), found);
            return message.ack();
        }
        if (event == null || !(event.payload() instanceof GenerationRequested request)) {
            Log.warnf("Skipping an event that is not a generation request: %s",
                    event == null ? "unreadable" : event.type());
            return message.ack();
        }
        answer(event, request).subscribe().with(
                published -> message.ack(),
                failure -> message.nack(failure));
        return TAKEN;
    }

    /**
     * Completes once Kafka has acknowledged every event; merge sends each token as soon as it exists. Timed as the
     * generation stage of the turn: the whole answer (the first token has its own timer).
     */
    private Uni<Void> answer(Envelope event, GenerationRequested request) {
        Timer.Sample sample = Timer.start();
        return generation.respond(event, request)
                .onItem().transformToUniAndMerge(publisher::publish)
                .collect().last()
                .onTermination().invoke(() -> sample.stop(stage))
                .replaceWithVoid();
    }
}
