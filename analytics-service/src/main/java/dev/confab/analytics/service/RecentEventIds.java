package dev.confab.analytics.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the most recent events counted, so one published twice (dialog's outbox may republish after a crash,
 * seconds after the first time) is counted once. Bounded: a duplicate comes soon after its original, not a
 * hundred thousand events later.
 */
final class RecentEventIds {

    private final Map<UUID, Boolean> seen;

    RecentEventIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether this is the first time the id is seen (among the most recent ones). */
    synchronized boolean firstTime(UUID eventId) {
        return seen.put(eventId, Boolean.TRUE) == null;
    }
}
