package dev.confab.gateway.badinput;

import dev.confab.contracts.Topics;
import dev.confab.gateway.FollowChecks;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against {@link BadInputs}' corpus: every bad request is answered, within two seconds, with a 4xx
 * problem+json that says why (bytes that are not HTTP at all with the codec's bare 400), never a 5xx; and none of
 * them puts anything on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(FollowChecks.Resource.class)
class BadInputCorpusTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final List<String> TOPICS = List.of(Topics.CHAT_INBOUND, Topics.CHAT_CONTROL,
            Topics.CONVERSATION_EVENTS, Topics.HANDOFFS);

    @Test
    void everyBadRequestIsRefusedQuicklyWithAReasonAndSendsNothing() {
        List<BadInputs.BadInput> corpus = BadInputs.corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
        long before = recordsOnKafka();

        SoftAssertions softly = new SoftAssertions();
        for (BadInputs.BadInput input : corpus) {
            // Twice the limit to wait, so a slow answer is reported as slow rather than as no answer.
            RawHttp.Answer answer = RawHttp.exchange(RestAssured.port, input.request(), LIMIT.multipliedBy(2));
            String seen = input + " got " + answer.status() + " " + answer.contentType() + " " + answer.body();
            softly.assertThat(answer.took()).as(seen).isLessThan(LIMIT);
            if (input.notHttp()) {
                // The codec's bare refusal (or just the connection closed): still never a 5xx, never a hang.
                softly.assertThat(answer.status()).as(seen).isIn(-1, 400);
                continue;
            }
            softly.assertThat(answer.status()).as(seen).isBetween(400, 499);
            softly.assertThat(answer.contentType()).as(seen).startsWith("application/problem+json");
            softly.assertThat(answer.body()).as(seen).contains("\"detail\"");
        }
        softly.assertAll();

        assertThat(recordsOnKafka()).as("records the gateway wrote for refused requests").isEqualTo(before);
    }

    /**
     * Records on the topics a request could write to, but the gateway's questions to dialog whether a stream may be
     * followed: a well-formed stream request is asked about before Kafka says its Last-Event-ID is unknown, and a
     * question changes nothing.
     */
    private static long recordsOnKafka() {
        return TOPICS.stream()
                .flatMap(topic -> TopicClient.shared().records(topic).stream())
                .filter(record -> !record.value().path("turnId").asText().startsWith("follow-"))
                .count();
    }
}
