package dev.confab.nlu.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deals labelled items into k folds so that every label is spread evenly over them, in a seeded order: the splits
 * of out-of-fold calibration and of bin/nlu-eval's cross-validation.
 */
public final class StratifiedFolds {

    /** The fold of an item whose label has no other item: it is always trained on, never held out. */
    public static final int NEVER_HELD_OUT = -1;

    private StratifiedFolds() {
    }

    /** Each item's fold, 0…folds-1, or {@link #NEVER_HELD_OUT}; the same labels and seed give the same folds. */
    public static <T extends Comparable<T>> int[] of(List<T> labels, int folds, long seed) {
        Map<T, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] foldOf = new int[labels.size()];
        int next = 0;
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int member : members) {
                // A label's only item held out would leave its fold's model without the label at all.
                foldOf[member] = members.size() < 2 ? NEVER_HELD_OUT : next++ % folds;
            }
        }
        return foldOf;
    }
}
