package dev.confab.nlu.rest;

import java.util.List;

/**
 * What discovery found.
 *
 * @param unclustered how many utterances fit no cluster
 */
public record DiscoverResponse(int utterances, int unclustered, List<CandidateIntent> candidates) {
}
