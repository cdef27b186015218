package dev.confab.nlu.engine.discovery;

import java.util.List;

/**
 * What utterance discovery found.
 *
 * @param clusters    candidate intents, largest first
 * @param unclustered how many utterances fit no cluster
 */
public record Discovery(List<UtteranceCluster> clusters, int unclustered) {

    public Discovery {
        clusters = List.copyOf(clusters);
    }
}
