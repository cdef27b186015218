package dev.confab.nlu.engine.discovery;

import java.util.List;

/**
 * A group of utterances that say the same kind of thing: a candidate intent.
 *
 * @param members         indexes of the clustered utterances in the input
 * @param representatives the utterances nearest the cluster's centre, most typical first
 * @param keywords        the words that set this cluster apart from the others (class-based TF-IDF)
 * @param suggestedIntent a name built from the top keywords, such as {@code card_declined}
 * @param existingIntent  the assistant's intent most members were confidently classified as, or null: then the
 *                        cluster is a new intent, otherwise more training data for that one
 * @param agreement       the share of members classified as {@code existingIntent} (0 when it is null)
 */
public record UtteranceCluster(List<Integer> members, List<String> representatives, List<String> keywords,
                               String suggestedIntent, String existingIntent, double agreement) {

    public UtteranceCluster {
        members = List.copyOf(members);
        representatives = List.copyOf(representatives);
        keywords = List.copyOf(keywords);
    }

    public int size() {
        return members.size();
    }

    public boolean newIntent() {
        return existingIntent == null;
    }
}
