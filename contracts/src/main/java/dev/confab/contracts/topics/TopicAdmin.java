package dev.confab.contracts.topics;

import dev.confab.contracts.topics.TopicFinding.State;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * Brings a cluster's topics in line with the {@link TopicCatalog}: creates the missing ones and sets the configuration
 * of the others. Partitions are only reported: adding some to a topic keyed by conversation moves conversations to
 * other partitions mid-flight, which is the operator's call ({@code kafka-topics.sh --alter}), not a script's.
 */
public final class TopicAdmin {

    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param checkOnly   report without changing anything
     * @param replication replicas of each created topic; empty for the broker's default
     */
    public List<TopicFinding> reconcile(List<TopicSpec> specs, boolean checkOnly, Optional<Short> replication)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<TopicFinding> findings = new ArrayList<>();
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (existing.contains(spec.name())) {
                findings.add(inspect(spec, checkOnly));
            } else if (checkOnly) {
                findings.add(new TopicFinding(spec.name(), State.MISSING, "not created"));
            } else {
                missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), replication)
                        .configs(spec.configs()));
                findings.add(new TopicFinding(spec.name(), State.CREATED, spec.partitions() + " partition(s), "
                        + new TreeMap<>(spec.configs())));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        return findings;
    }

    private TopicFinding inspect(TopicSpec spec, boolean checkOnly) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames().get()
                .get(spec.name());
        int partitions = description.partitions().size();
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> differing = new TreeMap<>();
        spec.configs().forEach((key, wanted) -> {
            ConfigEntry entry = actual.get(key);
            if (entry == null || !wanted.equals(entry.value())) {
                differing.put(key, (entry == null ? "unset" : entry.value()) + " (wanted " + wanted + ")");
            }
        });
        if (partitions < spec.partitions()) {
            return new TopicFinding(spec.name(), State.MISCONFIGURED, partitions + " partition(s), needs at least "
                    + spec.partitions() + "; add them with kafka-topics.sh --alter while no conversation is under way"
                    + (differing.isEmpty() ? "" : "; also " + differing));
        }
        if (differing.isEmpty()) {
            return new TopicFinding(spec.name(), State.OK, "");
        }
        if (checkOnly) {
            return new TopicFinding(spec.name(), State.MISCONFIGURED, differing.toString());
        }
        alter(resource, spec.configs().entrySet().stream()
                .filter(wanted -> differing.containsKey(wanted.getKey()))
                .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()),
                        AlterConfigOp.OpType.SET))
                .toList());
        return new TopicFinding(spec.name(), State.UPDATED, differing.toString());
    }

    private void alter(ConfigResource resource, Collection<AlterConfigOp> changes)
            throws ExecutionException, InterruptedException {
        admin.incrementalAlterConfigs(Map.of(resource, changes)).all().get();
    }
}
