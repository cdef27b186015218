package dev.confab.nlu.rest;

import java.util.List;

/**
 * One discovered cluster as a candidate intent.
 *
 * @param kind           {@code new_intent}, or {@code existing_intent} when most members already go to
 *                       {@code existingIntent} (then they are more training data for it)
 * @param agreement      share of members classified as {@code existingIntent}
 * @param representative the members nearest the cluster's centre, most typical first
 */
public record CandidateIntent(int size, String suggestedIntent, String kind, String existingIntent, double agreement,
                              List<String> keywords, List<String> representative) {
}
