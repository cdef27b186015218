package dev.confab.gateway.rest;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FeedbackGiven;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Users' thumbs and satisfaction scores reach the public stream; malformed feedback is refused with the reason. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FeedbackResourceTest {

    @Test
    void aRatingAndAScoreArePublishedOnTheConversationsPublicStream() {
        String conversation = "c-" + UUID.randomUUID();
        String message = UUID.randomUUID().toString();

        post(conversation, Map.of("messageId", message, "rating", "down", "comment", " It missed Apple Pay. "))
                .then().statusCode(202);
        post(conversation, Map.of("csat", 4)).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.CONVERSATION_EVENTS, conversation, 2))
                .extracting(Envelope::payload)
                .containsExactly(new FeedbackGiven(message, FeedbackGiven.Rating.DOWN, null, "It missed Apple Pay."),
                        new FeedbackGiven(null, null, 4, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nothing to give        | {}                                  | (up or down) of a message",
            "a rating of nothing    | {\"rating\": \"up\"}                | A rating needs the",
            "an unknown rating      | {\"messageId\": \"m-1\", \"rating\": \"meh\"} | use up or down",
            "a score out of range   | {\"csat\": 9}                       | use 1 to 5"})
    void refusesMalformedFeedbackAndPublishesNothing(String name, String body, String reason) {
        String conversation = "c-" + UUID.randomUUID();

        given().contentType("application/json").body(body)
                .post("/v1/conversations/{id}/feedback", conversation)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(reason));
        post(conversation, Map.of("csat", 3)).then().statusCode(202);

        assertThat(TopicClient.shared().awaitEvents(Topics.CONVERSATION_EVENTS, conversation, 1))
                .as("only the valid feedback after it").extracting(Envelope::payload)
                .containsExactly(new FeedbackGiven(null, null, 3, null));
    }

    private static Response post(String conversation, Map<String, ?> body) {
        return given().contentType("application/json").body(body)
                .post("/v1/conversations/{id}/feedback", conversation);
    }
}
