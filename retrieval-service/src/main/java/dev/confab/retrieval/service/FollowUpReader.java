package dev.confab.retrieval.service;

import dev.confab.retrieval.client.SlmRestatement;
import dev.confab.retrieval.config.RetrievalConfig;
import dev.confab.retrieval.engine.QueryRewriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Decides what a search looks for: the question as asked when it stands on its own, otherwise the SLM's standalone
 * restatement of the follow-up, or, when the SLM is off, slow or down, the heuristic one (the previous message
 * prefixed). Counted by method in {@code confab_retrieval_follow_ups_total}.
 */
@ApplicationScoped
public class FollowUpReader {

    private final QueryRewriter heuristic;
    private final SlmRestatement slm;
    private final RetrievalConfig config;
    private final MeterRegistry meters;

    public FollowUpReader(QueryRewriter heuristic, SlmRestatement slm, RetrievalConfig config, MeterRegistry meters) {
        this.heuristic = heuristic;
        this.slm = slm;
        this.config = config;
        this.meters = meters;
    }

    public String read(String query, List<String> context) {
        if (context.isEmpty() || !QueryRewriter.followsUp(query)) {
            return query;
        }
        String restated = config.followUps().slm()
                ? slm.restate(query, context).orElse(null)
                : null;
        meters.counter("confab.retrieval.follow.ups", "method", restated != null ? "slm" : "heuristic").increment();
        return restated != null ? restated : heuristic.rewrite(query, context);
    }
}
