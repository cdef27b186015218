package dev.confab.nlu.engine.entity.tagger;

import dev.confab.nlu.engine.entity.EntityMatch;

import java.util.Arrays;
import java.util.List;

/**
 * Per token, the system entity covering it: its label in BIO form ({@code B-date}, {@code I-money}, or {@code O})
 * and the first and last token of that entity ({@code -1} outside any).
 */
record SystemSpans(String[] labels, int[] first, int[] last) {

    static SystemSpans of(List<int[]> tokens, List<EntityMatch> entities) {
        String[] labels = new String[tokens.size()];
        int[] first = new int[tokens.size()];
        int[] last = new int[tokens.size()];
        Arrays.fill(labels, "O");
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
        for (EntityMatch entity : entities) {
            int entityFirst = -1;
            int entityLast = -1;
            for (int t = 0; t < tokens.size(); t++) {
                if (tokens.get(t)[0] >= entity.start() && tokens.get(t)[1] <= entity.end()) {
                    entityFirst = entityFirst < 0 ? t : entityFirst;
                    entityLast = t;
                    labels[t] = (tokens.get(t)[0] == entity.start() ? "B-" : "I-") + entity.entity();
                }
            }
            for (int t = entityFirst; t >= 0 && t <= entityLast; t++) {
                first[t] = entityFirst;
                last[t] = entityLast;
            }
        }
        return new SystemSpans(labels, first, last);
    }
}
