package dev.confab.nlu.engine.entity;

import java.time.ZonedDateTime;
import java.util.List;

/** Finds entities of one kind in an utterance. */
public interface EntityExtractor {

    /**
     * @param now the moment the user spoke, which relative expressions ("tomorrow", "last 3 hours") refer to
     */
    List<EntityMatch> extract(String text, ZonedDateTime now);
}
