package dev.confab.gateway.replicas;

import dev.confab.contracts.Topics;
import dev.confab.gateway.FollowChecks;
import dev.confab.testsupport.LiveSseStream;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.SseStream;
import dev.confab.testsupport.TopicClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas (the packaged application, twice) share the traffic, each owning one partition of
 * {@code chat.outbound}; the test plays the services behind them. Each conversation is chosen so that its id's own
 * partition belongs to the <em>other</em> replica: only the reply address in the message gets its reply home, and
 * neither replica reads a reply meant for the other.
 */
class GatewayReplicasIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern REPLIES = Pattern.compile("confab_gateway_replies_total\\{stream=\"(\\w+)\"} (\\S+)");

    private static GatewayReplica first;
    private static GatewayReplica second;
    private static ScriptedBackend backend;
    private static FollowChecks followChecks;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        String kafka = SharedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic(Topics.CHAT_INBOUND, 2, (short) 1),
                    new NewTopic(Topics.CHAT_OUTBOUND, 2, (short) 1))).all().get();
        }
        first = GatewayReplica.start(kafka, 0);
        second = GatewayReplica.start(kafka, 1);
        backend = new ScriptedBackend(kafka);
        followChecks = new FollowChecks(kafka);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {followChecks, backend, first, second}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void eachReplicaGetsTheRepliesOfItsOwnStreamsAndReadsNoOthers() throws Exception {
        String onFirst = conversationWhoseOwnPartitionIs(1);
        String onSecond = conversationWhoseOwnPartitionIs(0);
        Map<String, Double> firstBefore = replies(first);
        Map<String, Double> secondBefore = replies(second);

        SseStream firstReply = send(first, onFirst, "block my card");
        SseStream secondReply = send(second, onSecond, "where is my transfer");

        assertThat(firstReply.names()).containsExactly("token", "token", "token", "message", "done");
        assertThat(firstReply.named("message").get(0).data().path("text").asText())
                .isEqualTo("You said: block my card");
        assertThat(secondReply.names()).containsExactly("token", "token", "token", "message", "done");
        assertThat(secondReply.named("message").get(0).data().path("text").asText())
                .isEqualTo("You said: where is my transfer");
        assertThat(TopicClient.shared().conversation(Topics.CHAT_OUTBOUND, onFirst))
                .extracting(TopicClient.TopicRecord::partition).containsOnly(0);
        assertThat(since(firstBefore, replies(first))).as("the first replica read its five replies and nothing else")
                .isEqualTo(Map.of("open", 5.0, "none", 0.0));
        assertThat(since(secondBefore, replies(second)))
                .as("the second replica read its five replies and nothing else")
                .isEqualTo(Map.of("open", 5.0, "none", 0.0));
    }

    @Test
    void aStreamBrokenOnOneReplicaResumesOnTheOtherAfterItsLastEvent() throws Exception {
        String conversation = conversationWhoseOwnPartitionIs(1);
        SseStream reply = send(first, conversation, "freeze my card");
        SseStream.Event lastSeen = reply.events().get(0);

        try (LiveSseStream resumed = LiveSseStream.open(HttpRequest.newBuilder(
                        URI.create(second.baseUrl() + "/v1/conversations/" + conversation + "/stream"))
                .header("Last-Event-ID", lastSeen.id())
                .build())) {
            List<SseStream.Event> rest = resumed.until(event -> event.name().equals("done"), Duration.ofSeconds(30));

            assertThat(rest).as("every event after the last one seen, read back from the first replica's partition")
                    .containsExactlyElementsOf(reply.events().subList(1, reply.events().size()));
        }
    }

    private static Map<String, Double> since(Map<String, Double> before, Map<String, Double> now) {
        Map<String, Double> counted = new HashMap<>();
        now.forEach((stream, count) -> counted.put(stream, count - before.getOrDefault(stream, 0.0)));
        return counted;
    }

    /** A conversation id that Kafka's default partitioner puts on {@code partition} of {@code chat.outbound}. */
    private static String conversationWhoseOwnPartitionIs(int partition) {
        int partitions = TopicClient.shared().partitionCount(Topics.CHAT_OUTBOUND);
        while (true) {
            String id = "c-" + UUID.randomUUID();
            if (TopicClient.keyPartition(id, partitions) == partition) {
                return id;
            }
        }
    }

    private static SseStream send(GatewayReplica replica, String conversationId, String text)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(replica.baseUrl() + "/v1/conversations/" + conversationId + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return SseStream.parse(response.body());
    }

    /** The replica's count of reply events read, by whether a stream of its own was waiting for them. */
    private static Map<String, Double> replies(GatewayReplica replica) throws IOException, InterruptedException {
        Matcher matcher = REPLIES.matcher(replica.get("/q/metrics").body());
        Map<String, Double> counts = new HashMap<>();
        while (matcher.find()) {
            counts.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return counts;
    }
}
