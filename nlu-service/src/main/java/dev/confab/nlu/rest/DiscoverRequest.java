package dev.confab.nlu.rest;

import java.util.List;

/**
 * Body of a discovery request: either the utterances to cluster, or the assistant whose recent fallbacks
 * (out-of-scope and ambiguous messages) to cluster.
 *
 * @param minClusterSize fewest utterances that make a cluster; the configured default when absent
 */
public record DiscoverRequest(List<String> utterances, String tenantId, String assistantId, Integer minClusterSize) {
}
