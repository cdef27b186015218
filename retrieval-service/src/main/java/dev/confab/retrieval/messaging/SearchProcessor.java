package dev.confab.retrieval.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.retrieval.service.SearchService;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Answers each search request of {@code chat.retrieval.requests} on {@code chat.retrieval.results}. */
@ApplicationScoped
public class SearchProcessor {

    public static final String REQUESTS = "retrieval-requests";
    public static final String RESULTS = "retrieval-results";

    private final SearchService search;

    public SearchProcessor(SearchService search) {
        this.search = search;
    }

    /** Returns {@code null}, which skips the record, for anything that is not a search request. */
    @Incoming(REQUESTS)
    @Outgoing(RESULTS)
    public Record<String, Envelope> answer(Envelope event) {
        if (event == null || !(event.payload() instanceof RetrievalRequested request)) {
            Log.warnf("Skipping an event that is not a search request: %s", event == null ? "unreadable" : event.type());
            return null;
        }
        Envelope result = event.next(search.search(request));
        return Record.of(result.conversationId(), result);
    }
}
