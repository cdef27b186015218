package dev.confab.retrieval.engine;

import dev.confab.retrieval.engine.store.IndexedChunk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Diversification: a near-copy of a passage already picked gives way to a different relevant one. */
class MmrTest {

    private final Hit delivery = hit("delivery", new float[]{1, 0, 0}, 0.9);
    private final Hit deliveryAgain = hit("delivery-overlap", new float[]{0.99f, 0.14f, 0}, 0.85);
    private final Hit express = hit("express", new float[]{0.6f, 0, 0.8f}, 0.8);
    private final Hit unrelated = hit("unrelated", new float[]{0, 1, 0}, 0.3);

    @Test
    void picksADifferentPassageOverANearCopyOfOneAlreadyPicked() {
        assertThat(Mmr.select(List.of(delivery, deliveryAgain, express, unrelated), 2, 0.75))
                .extracting(hit -> hit.chunk().chunkId())
                .containsExactly("delivery", "express");
    }

    @Test
    void ranksByRelevanceAloneWithLambdaOne() {
        assertThat(Mmr.select(List.of(delivery, deliveryAgain, express, unrelated), 2, 1))
                .extracting(hit -> hit.chunk().chunkId())
                .containsExactly("delivery", "delivery-overlap");
    }

    private static Hit hit(String chunkId, float[] vector, double score) {
        return new Hit(new IndexedChunk("cards", chunkId, 0, "Cards", null, List.of(), List.of(), "text", 0, 4, vector),
                score, score);
    }
}
