package dev.confab.retrieval.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.contracts.metrics.TurnStage;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.StoreUnavailableException;
import dev.confab.retrieval.service.SearchAnswer;
import dev.confab.retrieval.service.SearchRequest;
import dev.confab.retrieval.service.SearchService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * Answers each search request of {@code chat.retrieval.requests} on {@code chat.retrieval.results}, in the asking
 * conversation's tenant and assistant. A store outage is answered with no passages, so the conversation goes on to
 * its "I can't find that" reply instead of waiting for a result that never comes.
 */
@ApplicationScoped
public class SearchProcessor {

    public static final String REQUESTS = "retrieval-requests";

    private final SearchService search;
    private final MeterRegistry meters;
    private final Timer stage;
    private final EventPublisher publisher;

    public SearchProcessor(SearchService search, MeterRegistry meters, EventPublisher publisher) {
        this.search = search;
        this.publisher = publisher;
        this.meters = meters;
        this.stage = TurnStage.timer(meters, "retrieval");
    }

    /**
     * Skips anything that is not a search request. The result goes out through the {@link EventPublisher}, as every
     * Confab event does (its key, its CloudEvents headers); the request is acknowledged once Kafka has the result,
     * and the next one is read meanwhile.
     */
    @Incoming(REQUESTS)
    @Blocking
    public Uni<Void> answer(Message<Envelope> delivered) {
        Envelope event = delivered.getPayload();
        EventLogContext.of(event);
        if (event == null || !(event.payload() instanceof RetrievalRequested request)) {
            Log.warnf("Skipping an event that is not a search request: %s", event == null ? "unreadable" : event.type());
            return Uni.createFrom().completionStage(delivered.ack());
        }
        publisher.publishThenAck(event.next(stage.record(() -> answer(event, request))), delivered);
        return Uni.createFrom().voidItem();
    }

    private RetrievalPerformed answer(Envelope event, RetrievalRequested request) {
        try {
            SearchAnswer answer = search.search(new Collection(event.tenantId(), event.assistantId()),
                    new SearchRequest(request.query(), request.topK(), request.context(), request.tags(), List.of(),
                            null));
            return new RetrievalPerformed(request.query(), answer.passages());
        } catch (InvalidRequestException e) {
            // The contract allows more than this service serves (a larger topK, say); answer rather than stall.
            Log.warnf("Refusing search of conversation %s: %s", event.conversationId(), e.getMessage());
            return new RetrievalPerformed(request.query(), List.of());
        } catch (StoreUnavailableException e) {
            Log.warnf("Knowledge store unavailable; conversation %s gets no passages: %s", event.conversationId(),
                    e.getMessage());
            meters.counter("confab.retrieval.degraded").increment();
            return new RetrievalPerformed(request.query(), List.of());
        }
    }
}
