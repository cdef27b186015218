package dev.confab.contracts.topics;

import java.util.Map;

/**
 * How one topic must be set up.
 *
 * @param name       the topic
 * @param partitions the fewest partitions it works with (more are fine: nothing here relies on an exact count)
 * @param configs    the topic configuration that decides what it keeps and how large a record may be
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
