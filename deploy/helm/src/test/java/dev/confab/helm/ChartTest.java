package dev.confab.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.confab.contracts.topics.TopicCatalog;
import dev.confab.contracts.topics.TopicSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Helm chart: it lints, renders valid Kubernetes objects with default and production values, and wires the suite. */
class ChartTest {

    private static final List<String> SERVICES = List.of("gateway", "nlu", "dialog", "generation", "retrieval",
            "analytics");

    @ParameterizedTest
    @ValueSource(strings = {"", "values-production.yaml"})
    void lintsWithoutWarningsWithEveryShippedValuesFile(String valuesFile) {
        Path chart = valuesFile.isEmpty() ? RenderedChart.CHART : ChartCopy.withValues(Path.of(valuesFile));

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersEveryServiceWithItsConfigurationServiceAndDisruptionBudget() {
        RenderedChart chart = RenderedChart.render();

        assertThat(chart.all(StatefulSet.class)).extracting(set -> set.getMetadata().getName())
                .containsExactly("confab-gateway");
        assertThat(chart.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrder("confab-nlu", "confab-dialog", "confab-generation", "confab-retrieval",
                        "confab-analytics");
        for (String service : SERVICES) {
            String name = "confab-" + service;
            assertThat(chart.one(ConfigMap.class, name).getData().get("application.properties"))
                    .contains("kafka.bootstrap.servers=kafka:9092");
            assertThat(chart.one(Secret.class, name).getStringData()).containsKey("secrets.properties");
            assertThat(chart.one(Service.class, name).getSpec().getPorts()).hasSize(1);
            assertThat(chart.one(PodDisruptionBudget.class, name).getSpec().getMaxUnavailable())
                    .as("a drain may evict a pod even of a single replica").isNotNull();
            assertThat(chart.one(PodDisruptionBudget.class, name).getSpec().getMinAvailable()).isNull();
            assertThat(chart.one(NetworkPolicy.class, name).getSpec().getPolicyTypes()).containsExactly("Ingress");
        }
        assertThat(chart.all(HorizontalPodAutoscaler.class)).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("confab-gateway", "confab-nlu", "confab-dialog");
    }

    @Test
    void rendersWithProductionValues() {
        RenderedChart chart = RenderedChart.render(RenderedChart.PRODUCTION, Map.of());

        String gateway = chart.one(ConfigMap.class, "confab-gateway").getData().get("application.properties");
        assertThat(gateway).contains("confab.auth.api-keys.3f9c2a1b.tenant=bank",
                        "confab.auth.api-keys.3f9c2a1b.roles=client",
                        "confab.auth.api-keys.3f9c2a1b.requests-per-second=200",
                        "quarkus.http.cors.origins=https://www.bank.example")
                .doesNotContain("anonymous-tenant");
        assertThat(chart.one(ConfigMap.class, "confab-dialog").getData().get("application.properties"))
                .as("every service accepts the same keys")
                .contains("confab.auth.api-keys.7d41e0c2.roles=agent,reviewer",
                        "dialog.action-hosts.bank=cards.bank.example");
        assertThat(container(chart.one(Deployment.class, "confab-dialog").getSpec().getTemplate().getSpec(), "dialog")
                .getEnvFrom()).as("the tenant's action secrets, under its own prefix only")
                .singleElement()
                .satisfies(source -> {
                    assertThat(source.getPrefix()).isEqualTo("CONFAB_SECRETS_BANK_");
                    assertThat(source.getSecretRef().getName()).isEqualTo("confab-bank-card-system");
                });
        assertThat(chart.one(ConfigMap.class, "confab-retrieval").getData().get("application.properties"))
                .contains("retrieval.qdrant.url=http://qdrant.data.svc:6334");
        assertThat(env(container(chart.one(Deployment.class, "confab-retrieval").getSpec().getTemplate().getSpec(),
                "retrieval"), "RETRIEVAL_QDRANT_API_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("confab-qdrant");
        assertThat(chart.all(HorizontalPodAutoscaler.class)).hasSize(5);
        assertThat(chart.one(Deployment.class, "confab-generation").getSpec().getTemplate().getSpec().getNodeSelector())
                .containsEntry("nvidia.com/gpu.present", "true");
    }

    @Test
    void everyServiceIsProbedBoundedAndLockedDown() {
        RenderedChart chart = RenderedChart.render();

        for (String service : SERVICES) {
            Container container = container(podOf(chart, service), service);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(env(container, "QUARKUS_CONFIG_LOCATIONS").getValue())
                    .isEqualTo("/etc/confab/application.properties,/etc/confab/secrets.properties");
        }
    }

    @Test
    void generationRunsItsModelInAnOllamaSidecarOnAGpuWithTheServicesParallelism() {
        RenderedChart chart = RenderedChart.render(null, Map.of("generation.sidecar.parallelism", 6));

        PodSpec pod = podOf(chart, "generation");
        Container ollama = container(pod, "ollama");
        assertThat(ollama.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(env(ollama, "OLLAMA_NUM_PARALLEL").getValue()).isEqualTo("6");
        assertThat(env(ollama, "OLLAMA_KEEP_ALIVE").getValue()).as("the model stays loaded").isEqualTo("-1");
        assertThat(String.join(" ", ollama.getArgs())).as("pulled only when not there yet")
                .contains("ollama show \"$MODEL\" >/dev/null 2>&1 || ollama pull \"$MODEL\"");
        assertThat(env(ollama, "OLLAMA_MODELS").getValue()).isEqualTo("/models");
        assertThat(ollama.getVolumeMounts()).anyMatch(mount -> mount.getName().equals("models")
                && mount.getMountPath().equals("/models"));
        assertThat(pod.getVolumes()).filteredOn(volume -> volume.getName().equals("models")).singleElement()
                .satisfies(volume -> assertThat(volume.getPersistentVolumeClaim().getClaimName())
                        .isEqualTo("confab-generation-models"));
        assertThat(chart.one(PersistentVolumeClaim.class, "confab-generation-models").getMetadata().getAnnotations())
                .as("the pulled model outlives an uninstall").containsEntry("helm.sh/resource-policy", "keep");
        assertThat(ollama.getReadinessProbe().getExec().getCommand()).last().asString().contains("ollama show");
        assertThat(chart.one(ConfigMap.class, "confab-generation").getData().get("application.properties"))
                .contains("generation.sidecar.parallelism=6", "quarkus.langchain4j.ollama.base-url=http://localhost:11434");
        assertThat(pod.getTolerations()).anyMatch(toleration -> toleration.getKey().equals("nvidia.com/gpu"));
    }

    @Test
    void aPrePulledImageIsServedAsItIsWithoutAVolumeOrAPull() {
        RenderedChart chart = RenderedChart.render(null, Map.of("generation.sidecar.models.source", "image",
                "generation.sidecar.image", "registry.bank.example/ollama-qwen:0.5b", "generation.runtimeClassName",
                "nvidia"));

        PodSpec pod = podOf(chart, "generation");
        Container ollama = container(pod, "ollama");
        assertThat(String.join(" ", ollama.getArgs())).isEqualTo("exec ollama serve");
        assertThat(ollama.getVolumeMounts()).noneMatch(mount -> mount.getName().equals("models"));
        assertThat(chart.all(PersistentVolumeClaim.class)).isEmpty();
        assertThat(pod.getRuntimeClassName()).isEqualTo("nvidia");
    }

    @Test
    void aClusterOlderThanTheChartAllowsIsRefused() {
        assertThatThrownBy(() -> new Helm(RenderedChart.CHART).template().withKubeVersion("1.27.0").call())
                .hasMessageContaining(">=1.28.0-0");
    }

    @Test
    void aHookJobProvisionsTheTopicsBeforeEachInstallAndUpgrade() throws Exception {
        Job job = RenderedChart.renderWithHooks(RenderedChart.PRODUCTION, Map.of()).one(Job.class, "confab-topics");

        assertThat(Files.readString(RenderedChart.CHART.resolve("templates/topics-job.yaml")))
                .contains("helm.sh/hook: pre-install,pre-upgrade");
        Container topics = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(topics.getImage()).contains("/gateway-service");
        assertThat(topics.getCommand()).endsWith("dev.confab.contracts.topics.TopicsCommand");
        assertThat(topics.getArgs())
                .containsSequence("--bootstrap-servers", "kafka-0.kafka.data:9092,kafka-1.kafka.data:9092,"
                        + "kafka-2.kafka.data:9092")
                .containsSequence("--partitions", "12")
                .containsSequence("--audit-retention-days", "2557")
                .containsSequence("--replication-factor", "3");
        assertThat(topics.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(RenderedChart.renderWithHooks(null, Map.of("kafka.topics.create", false)).all(Job.class))
                .as("a platform that provisions topics itself turns the job off").isEmpty();
    }

    @Test
    void eachServiceRunsTheImageItsValuesNameByDigestOrTag() {
        String digest = "sha256:" + "3c7b48034ffaa38d".repeat(4);
        Map<String, Object> images = Map.of("gateway.image.digest", digest,
                "nlu.image.repository", "registry.bank.example/confab/nlu", "nlu.image.tag", "1.2.3",
                "image.tag", "1.2.0");

        RenderedChart chart = RenderedChart.renderWithHooks(null, images);

        assertThat(container(podOf(chart, "gateway"), "gateway").getImage())
                .isEqualTo("ghcr.io/confab-dev/gateway-service@" + digest);
        assertThat(chart.one(Job.class, "confab-topics").getSpec().getTemplate().getSpec().getContainers().get(0)
                .getImage()).as("the topics job runs the gateway's image").isEqualTo("ghcr.io/confab-dev/gateway-service@" + digest);
        assertThat(container(podOf(chart, "nlu"), "nlu").getImage()).isEqualTo("registry.bank.example/confab/nlu:1.2.3");
        assertThat(container(podOf(chart, "dialog"), "dialog").getImage())
                .isEqualTo("ghcr.io/confab-dev/dialog-service:1.2.0");
        assertThat(container(podOf(RenderedChart.render(), "analytics"), "analytics").getImage())
                .as("the chart's appVersion by default").isEqualTo("ghcr.io/confab-dev/analytics-service:0.1.0");
    }

    @Test
    void withStrimziTheTopicsAreKafkaTopicsExactlyAsTheCatalogueDefinesThem() {
        Map<String, Object> strimzi = Map.of("kafka.topics.provisioner", "strimzi",
                "kafka.topics.strimzi.cluster", "events");

        RenderedChart chart = RenderedChart.renderWithHooks(RenderedChart.PRODUCTION, strimzi);

        Map<String, TopicSpec> rendered = chart.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), topic -> new TopicSpec(
                        topic.getSpec().getTopicName(), topic.getSpec().getPartitions(),
                        topic.getSpec().getConfig().entrySet().stream()
                                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toString())))));
        Map<String, TopicSpec> catalogue = TopicCatalog.topics(12, Duration.ofDays(7), Duration.ofDays(2557)).stream()
                .collect(Collectors.toMap(TopicSpec::name, topic -> topic));
        assertThat(rendered).isEqualTo(catalogue);
        assertThat(chart.all(KafkaTopic.class)).allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "events");
            assertThat(topic.getMetadata().getAnnotations()).as("an uninstall must not delete the records")
                    .containsEntry("helm.sh/resource-policy", "keep");
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
        });
        assertThat(chart.all(Job.class)).as("the operator provisions them, not the job").isEmpty();
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("kafka.topics.provisioner", "strimzi")))
                .hasMessageContaining("needs kafka.topics.strimzi.cluster");
    }

    @Test
    void eachGatewayReplicaOwnsTheReplyPartitionOfItsOrdinal() {
        RenderedChart chart = RenderedChart.render();

        EnvVar partition = env(container(podOf(chart, "gateway"), "gateway"), "GATEWAY_REPLY_PARTITION");
        assertThat(partition.getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
        assertThat(chart.one(HorizontalPodAutoscaler.class, "confab-gateway").getSpec().getScaleTargetRef().getKind())
                .isEqualTo("StatefulSet");
    }

    @Test
    void moreGatewayReplicasThanReplyPartitionsAreRefused() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("gateway.autoscaling.maxReplicas", 8)))
                .hasMessageContaining("up to 8 replicas, but chat.outbound has 6 partitions");
    }

    @Test
    void severalRetrievalReplicasWithoutQdrantAreRefused() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of("retrieval.replicas", 2)))
                .hasMessageContaining("without qdrant.url each replica would keep an index of its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway.replicas=two", "gateway.replica=3", "kafka.bootstrapServers=kafka",
            "generation.sidecar.parallelism=0", "image.pullPolicy=Sometimes", "gateway.image.digest=latest"})
    void valuesOutsideTheSchemaAreRefused(String value) {
        String[] setting = value.split("=", 2);

        assertThatThrownBy(() -> RenderedChart.render(null, Map.of(setting[0], setting[1])))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    void onlyTheGatewayTakesConnectionsBesidesTheMetricsScraper() {
        RenderedChart chart = RenderedChart.render();

        assertThat(chart.one(NetworkPolicy.class, "confab-gateway").getSpec().getIngress())
                .anyMatch(rule -> rule.getFrom().isEmpty());
        for (String service : List.of("nlu", "dialog", "generation", "retrieval", "analytics")) {
            assertThat(chart.one(NetworkPolicy.class, "confab-" + service).getSpec().getIngress())
                    .singleElement()
                    .satisfies(rule -> assertThat(rule.getFrom()).singleElement()
                            .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                                    .containsEntry("kubernetes.io/metadata.name", "monitoring")));
        }
    }

    private static PodSpec podOf(RenderedChart chart, String service) {
        String name = "confab-" + service;
        return service.equals("gateway")
                ? chart.one(StatefulSet.class, name).getSpec().getTemplate().getSpec()
                : chart.one(Deployment.class, name).getSpec().getTemplate().getSpec();
    }

    private static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static EnvVar env(Container container, String name) {
        return Stream.ofNullable(container.getEnv())
                .flatMap(List::stream)
                .filter(variable -> variable.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }
}
