package dev.confab.retrieval.engine;

import dev.confab.nlu.engine.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks hits one at a time, each maximising
 * {@code λ·relevance − (1−λ)·(similarity to the hits already picked)}, so the top-k are not five overlapping chunks
 * of the same paragraph while another relevant section goes unseen.
 */
final class Mmr {

    private Mmr() {
    }

    /**
     * Reorders {@code hits} (best first) and keeps {@code k}. Relevance is the fused score scaled to 1..0 over the
     * hits, because rank-fusion scores differ little in absolute terms and would let redundancy dominate.
     */
    static List<Hit> select(List<Hit> hits, int k, double lambda) {
        if (lambda >= 1 || hits.size() <= 1) {
            return hits.subList(0, Math.min(k, hits.size()));
        }
        List<Hit> remaining = new ArrayList<>(hits);
        List<Hit> selected = new ArrayList<>(Math.min(k, hits.size()));
        double max = hits.stream().mapToDouble(Hit::score).max().orElse(1);
        double min = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        double range = max > min ? max - min : 1;
        while (selected.size() < k && !remaining.isEmpty()) {
            Hit best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (Hit candidate : remaining) {
                double redundancy = 0;
                for (Hit chosen : selected) {
                    redundancy = Math.max(redundancy, Vectors.dot(candidate.chunk().vector(), chosen.chunk().vector()));
                }
                double value = lambda * (candidate.score() - min) / range - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = candidate;
                }
            }
            selected.add(best);
            remaining.remove(best);
        }
        return selected;
    }
}
