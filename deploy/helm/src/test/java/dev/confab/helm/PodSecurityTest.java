package dev.confab.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pod the chart renders — the services, the Ollama sidecar, the topics job — meets the "restricted" Pod
 * Security Standard (kubernetes.io/docs/concepts/security/pod-security-standards), so the chart installs into a
 * namespace labelled {@code pod-security.kubernetes.io/enforce: restricted}.
 */
class PodSecurityTest {

    /** The volume types the restricted profile allows. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALLOWED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    @ParameterizedTest
    @ValueSource(strings = {"", "values-production.yaml"})
    void everyPodMeetsTheRestrictedStandard(String valuesFile) {
        RenderedChart chart = RenderedChart.renderWithHooks(valuesFile.isEmpty() ? null : Path.of(valuesFile),
                Map.of());
        Map<String, PodSpec> pods = pods(chart);
        assertThat(pods).containsKeys("StatefulSet/confab-gateway", "Deployment/confab-generation",
                "Job/confab-topics");

        SoftAssertions softly = new SoftAssertions();
        pods.forEach((name, pod) -> {
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext())
                    .orElseGet(PodSecurityContext::new);
            softly.assertThat(pod.getHostNetwork()).as(name + " host network").isNotEqualTo(Boolean.TRUE);
            softly.assertThat(pod.getHostPID()).as(name + " host PID").isNotEqualTo(Boolean.TRUE);
            softly.assertThat(pod.getHostIPC()).as(name + " host IPC").isNotEqualTo(Boolean.TRUE);
            for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                softly.assertThat(volumeType(volume)).as(name + " volume " + volume.getName()).isIn(ALLOWED_VOLUMES);
            }
            for (Container container : containers(pod)) {
                String where = name + " container " + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext())
                        .orElseGet(SecurityContext::new);
                softly.assertThat(context.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                softly.assertThat(context.getAllowPrivilegeEscalation()).as(where + " privilege escalation")
                        .isEqualTo(Boolean.FALSE);
                softly.assertThat(first(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()))
                        .as(where + " runs as non-root").isEqualTo(Boolean.TRUE);
                softly.assertThat(first(context.getRunAsUser(), podContext.getRunAsUser()))
                        .as(where + " user").isNotEqualTo(0L);
                softly.assertThat(seccomp(context, podContext)).as(where + " seccomp profile")
                        .isIn("RuntimeDefault", "Localhost");
                Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
                softly.assertThat(capabilities.getDrop()).as(where + " drops").contains("ALL");
                softly.assertThat(Optional.ofNullable(capabilities.getAdd()).orElse(List.of())).as(where + " adds")
                        .isSubsetOf("NET_BIND_SERVICE");
                softly.assertThat(Optional.ofNullable(container.getPorts()).orElse(List.of()))
                        .as(where + " host ports").allMatch(port -> port.getHostPort() == null);
            }
        });
        softly.assertAll();
    }

    private static Map<String, PodSpec> pods(RenderedChart chart) {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        chart.all(Deployment.class).forEach(deployment -> pods.put("Deployment/" + deployment.getMetadata().getName(),
                deployment.getSpec().getTemplate().getSpec()));
        chart.all(StatefulSet.class).forEach(set -> pods.put("StatefulSet/" + set.getMetadata().getName(),
                set.getSpec().getTemplate().getSpec()));
        chart.all(Job.class).forEach(job -> pods.put("Job/" + job.getMetadata().getName(),
                job.getSpec().getTemplate().getSpec()));
        return pods;
    }

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getContainers().stream(),
                        Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                .toList();
    }

    private static String seccomp(SecurityContext container, PodSecurityContext pod) {
        if (container.getSeccompProfile() != null) {
            return container.getSeccompProfile().getType();
        }
        return pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
    }

    private static <T> T first(T container, T pod) {
        return container != null ? container : pod;
    }

    /** The one volume source a volume sets, by its field name. */
    private static String volumeType(Volume volume) {
        ObjectNode fields = JSON.valueToTree(volume);
        fields.remove("name");
        return fields.size() == 1 ? fields.fieldNames().next() : fields.toString();
    }
}
