package dev.confab.nlu.service;

import dev.confab.nlu.engine.discovery.Discovery;
import dev.confab.nlu.engine.discovery.UtteranceCluster;
import dev.confab.nlu.rest.CandidateIntent;
import dev.confab.nlu.rest.DiscoverResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import java.util.List;

/** Clusters utterances into candidate intents, telling new intents from more data for existing ones. */
@ApplicationScoped
public class DiscoveryService {

    /**
     * One discovery at a time: clustering takes seconds of a core that live traffic needs too; a second request is
     * told to retry (429) instead of queueing.
     */
    @Bulkhead(1)
    public DiscoverResponse discover(List<String> utterances, int minClusterSize, NluPipeline pipeline) {
        Discovery discovery = pipeline.discovery().discover(utterances, minClusterSize, pipeline.classifier());
        return new DiscoverResponse(utterances.size(), discovery.unclustered(), discovery.clusters().stream()
                .map(DiscoveryService::candidate)
                .toList());
    }

    private static CandidateIntent candidate(UtteranceCluster cluster) {
        return new CandidateIntent(cluster.size(), cluster.suggestedIntent(),
                cluster.newIntent() ? "new_intent" : "existing_intent", cluster.existingIntent(), cluster.agreement(),
                cluster.keywords(), cluster.representatives());
    }
}
