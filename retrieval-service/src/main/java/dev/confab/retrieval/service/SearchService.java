package dev.confab.retrieval.service;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.engine.Hit;
import dev.confab.retrieval.engine.KnowledgeSearch;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.SearchMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Answers knowledge searches for the API and for dialog: checks the request, reads a follow-up in the light of the
 * previous message, searches, and counts every outcome (answered, no answer, store unavailable) in metrics.
 * Blocking; callers run it on a worker thread.
 */
@ApplicationScoped
public class SearchService {

    private static final int MAX_CONTEXT = 20;

    private final KnowledgeSearch search;
    private final FollowUpReader followUps;
    private final KnowledgeStore store;
    private final RetrievalConfig config;
    private final MeterRegistry meters;

    public SearchService(KnowledgeSearch search, FollowUpReader followUps, KnowledgeStore store,
                         RetrievalConfig config, MeterRegistry meters) {
        this.search = search;
        this.followUps = followUps;
        this.store = store;
        this.config = config;
        this.meters = meters;
    }

    public SearchAnswer search(Collection collection, SearchRequest request) {
        requireValid(request);
        String searchedFor = followUps.read(request.query(), request.context());
        int topK = request.topK() == null ? config.search().defaultTopK() : request.topK();
        SearchMode mode = request.mode() == null ? SearchMode.HYBRID : request.mode();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        try {
            List<Hit> hits = search.search(collection, searchedFor, mode, Set.copyOf(request.tags()),
                    Set.copyOf(request.documentIds()), topK);
            outcome = hits.isEmpty() ? "no_answer" : "answered";
            return new SearchAnswer(request.query(), searchedFor, !hits.isEmpty(),
                    hits.stream().map(Hit::passage).toList());
        } finally {
            sample.stop(meters.timer("confab.retrieval.search", "store", store.kind(), "outcome", outcome));
        }
    }

    private void requireValid(SearchRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            throw new InvalidRequestException("A query is required");
        }
        if (request.query().length() > config.search().maxQueryChars()) {
            throw new InvalidRequestException("The query has " + request.query().length()
                    + " characters; the limit is " + config.search().maxQueryChars());
        }
        if (request.topK() != null && (request.topK() < 1 || request.topK() > config.search().maxTopK())) {
            throw new InvalidRequestException("topK must be between 1 and " + config.search().maxTopK());
        }
        if (request.context().size() > MAX_CONTEXT) {
            throw new InvalidRequestException("At most " + MAX_CONTEXT + " previous messages are read");
        }
    }
}
