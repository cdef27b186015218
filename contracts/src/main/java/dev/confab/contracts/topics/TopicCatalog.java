package dev.confab.contracts.topics;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.EventType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every topic Confab uses and how it must be set up: the one place {@code bin/confab-admin topics}, the local run and
 * the chart's topic job read. An auto-created topic gets the broker's defaults, which break Confab in two ways: one
 * partition of {@code chat.outbound} leaves every gateway replica but one without replies, and a deleting
 * {@code assistant.bundles} loses released assistants after the retention.
 */
public final class TopicCatalog {

    /** Released bundles are gzip-compressed JSON of at most 8 MB of files; the release API allows 32 MB. */
    static final int BUNDLE_MAX_BYTES = 32 * 1024 * 1024;
    static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(14);

    private TopicCatalog() {
    }

    /**
     * The topics, each conversation topic with {@code partitions} partitions (at least the most replicas any
     * service runs: a gateway replica owns one partition of {@code chat.outbound}).
     *
     * @param eventsKept how long conversation traffic and the public stream are kept
     * @param auditKept  how long {@code audit.events} is kept: as long as the law asks
     */
    public static List<TopicSpec> topics(int partitions, Duration eventsKept, Duration auditKept) {
        List<TopicSpec> topics = new ArrayList<>();
        Arrays.stream(EventType.values())
                .map(EventType::topic)
                .distinct()
                .filter(topic -> !topic.equals(Topics.AUDIT))
                .forEach(topic -> topics.add(new TopicSpec(topic, partitions, kept(eventsKept))));
        topics.add(new TopicSpec(Topics.AUDIT, partitions, kept(auditKept)));
        for (String deadLetters : List.of(Topics.CHAT_INBOUND_DEAD_LETTERS, Topics.DIALOG_DEAD_LETTERS,
                Topics.RETRIEVAL_DEAD_LETTERS)) {
            topics.add(new TopicSpec(deadLetters, 1, kept(DEAD_LETTERS_KEPT)));
        }
        // One partition keeps releases in order; compaction keeps every version's latest record for good.
        topics.add(new TopicSpec(Topics.ASSISTANT_BUNDLES, 1, Map.of(
                "cleanup.policy", "compact",
                "retention.ms", "-1",
                "max.message.bytes", String.valueOf(BUNDLE_MAX_BYTES))));
        return topics;
    }

    private static Map<String, String> kept(Duration retention) {
        return Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis()));
    }
}
