package dev.confab.load;

import dev.confab.testsupport.SharedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The floor of a Kafka crossing, measured against a real KRaft broker, and a turn said as a multiple of it. */
class KafkaFloorTest {

    @Test
    void measuresEveryCrossingAndLeavesNoProbeTopicBehind() throws Exception {
        String servers = SharedKafka.bootstrapServers();

        double[] millis = new KafkaFloor(servers).measure(20);

        assertThat(millis).hasSize(20);
        assertThat(Arrays.stream(millis).boxed()).allSatisfy(crossing -> assertThat(crossing).isPositive()
                .isLessThan(5_000));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.listTopics().names().get())
                            .noneMatch(topic -> topic.startsWith("confab.floor-probe")));
        }
    }

    @Test
    void aTurnIsSaidAsAMultipleOfWhatItsCrossingsMustTake() {
        double[] turns = {20, 30, 40};
        double[] floor = {2, 2, 2};

        Map<String, Object> overhead = LoadHarness.overheadVersusFloor(turns, floor, 3);

        assertThat(overhead).containsEntry("crossings", 3);
        assertThat(overhead).as("30 ms over three crossings of 2 ms").containsEntry("p50", 5.0);
    }
}
