package dev.confab.testsupport;

import dev.confab.contracts.Topics;
import dev.confab.contracts.topics.TopicAdmin;
import dev.confab.contracts.topics.TopicCatalog;
import dev.confab.contracts.topics.TopicFinding.State;
import dev.confab.contracts.topics.TopicFinding;
import dev.confab.contracts.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/confab-admin topics} against a real KRaft broker: it creates what is missing, puts right what a broker's
 * defaults got wrong (a deleting {@code assistant.bundles}), and reports what it must not change by itself (a
 * {@code chat.outbound} with one partition).
 */
class TopicAdminTest {

    private static final List<TopicSpec> CATALOG = TopicCatalog.topics(6, Duration.ofDays(7), Duration.ofDays(400));

    @Test
    void createsMissingTopicsFixesTheirConfigurationAndReportsTooFewPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafka.bootstrapServers()))) {
            // What auto-creation leaves behind when a service starts before the topics were made.
            admin.createTopics(List.of(new NewTopic(Topics.CHAT_OUTBOUND, 1, (short) 1),
                    new NewTopic(Topics.ASSISTANT_BUNDLES, 1, (short) 1))).all().get();
            TopicAdmin topics = new TopicAdmin(admin);

            Map<String, TopicFinding> checked = byTopic(topics.reconcile(CATALOG, true, Optional.empty()));
            assertThat(checked.get(Topics.CHAT_INBOUND).state()).isEqualTo(State.MISSING);
            assertThat(checked.get(Topics.CHAT_OUTBOUND).state()).isEqualTo(State.MISCONFIGURED);
            assertThat(checked.get(Topics.ASSISTANT_BUNDLES).state()).isEqualTo(State.MISCONFIGURED);
            assertThat(checked.get(Topics.ASSISTANT_BUNDLES).detail()).contains("cleanup.policy=delete");
            assertThat(admin.listTopics().names().get()).as("a check changes nothing")
                    .doesNotContain(Topics.CHAT_INBOUND);

            Map<String, TopicFinding> applied = byTopic(topics.reconcile(CATALOG, false, Optional.empty()));
            assertThat(applied.get(Topics.CHAT_INBOUND).state()).isEqualTo(State.CREATED);
            assertThat(applied.get(Topics.ASSISTANT_BUNDLES).state()).isEqualTo(State.UPDATED);
            assertThat(applied.get(Topics.CHAT_OUTBOUND).state()).isEqualTo(State.MISCONFIGURED);
            assertThat(applied.get(Topics.CHAT_OUTBOUND).detail()).contains("1 partition(s), needs at least 6");
            assertThat(config(admin, Topics.ASSISTANT_BUNDLES, "cleanup.policy")).isEqualTo("compact");
            assertThat(config(admin, Topics.AUDIT, "retention.ms"))
                    .isEqualTo(String.valueOf(Duration.ofDays(400).toMillis()));
            assertThat(admin.describeTopics(List.of(Topics.CONVERSATION_EVENTS)).allTopicNames().get()
                    .get(Topics.CONVERSATION_EVENTS).partitions()).hasSize(6);

            assertThat(topics.reconcile(CATALOG, true, Optional.empty()))
                    .as("run again, only what it must not change is left")
                    .filteredOn(TopicFinding::needsAttention)
                    .extracting(TopicFinding::topic)
                    .containsExactly(Topics.CHAT_OUTBOUND);
        }
    }

    private static Map<String, TopicFinding> byTopic(List<TopicFinding> findings) {
        assertThat(findings).extracting(TopicFinding::topic)
                .containsExactlyElementsOf(CATALOG.stream().map(TopicSpec::name).toList());
        return findings.stream().collect(Collectors.toMap(TopicFinding::topic, Function.identity()));
    }

    private static String config(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }
}
