package dev.confab.gateway.rest;

import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Following a conversation: replies of any turn reach its tenant's followers, and no one else's. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ConversationStreamResourceTest {

    private static final TopicClient kafka = TopicClient.shared();

    @TestHTTPResource("/v1/conversations")
    URL conversations;

    @Test
    void aFollowerSeesAnAgentsMessageButNotAnotherTenantsReplyOnTheSameId() throws Exception {
        String conversationId = "c-" + UUID.randomUUID();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(conversations + "/" + conversationId + "/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The first heartbeat shows the stream is open and registered.
            assertThat(stream.readLine()).startsWith(":");
            Envelope handoff = Envelope.first("default", "bank-support", conversationId, "agent-1", null,
                    new AgentMessage("agent-7", "Hi, I'm Sam."));
            Envelope foreign = Envelope.first("other-tenant", "bank-support", conversationId, "t-9", null,
                    new AgentMessage("agent-9", "Their secret"));
            kafka.send(foreign.next(new ReplyMessage("Their secret", Provenance.HUMAN, List.of())));
            kafka.send(handoff.next(new ReplyMessage("Hi, I'm Sam.", Provenance.HUMAN, List.of())));

            List<String> seen = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                List<String> lines = new ArrayList<>();
                String line;
                do {
                    line = stream.readLine();
                    lines.add(line);
                } while (line != null && !line.contains("Hi, I'm Sam."));
                return lines;
            });

            assertThat(seen).anyMatch(read -> read.equals("event:message"))
                    .anyMatch(read -> read.startsWith("data:") && read.contains("\"provenance\":\"HUMAN\""))
                    .noneMatch(read -> read != null && read.contains("Their secret"));
        }
    }
}
