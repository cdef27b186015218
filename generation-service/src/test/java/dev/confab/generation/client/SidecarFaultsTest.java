package dev.confab.generation.client;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCancelled;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.generation.ScriptedSidecarTest;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.OllamaTestResource;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.confab.generation.GenerationRequests.FEES;
import static dev.confab.generation.GenerationRequests.ask;
import static dev.confab.generation.GenerationRequests.completed;
import static dev.confab.generation.GenerationRequests.outbound;
import static dev.confab.generation.GenerationRequests.payloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A struggling sidecar (the Ollama-protocol test server, scripted) never leaves the user without an answer: slow,
 * broken, stalled, malformed and dropped streams fall back or end cleanly, and repeated failures open the breaker.
 * First-token and inter-token timeouts are 1 s in the test profile.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OllamaTestResource.class)
class SidecarFaultsTest extends ScriptedSidecarTest {

    private static final List<String> TWO_SENTENCES = List.of("A replacement card", " is free once a year [1].",
            " After", " that", " it", " costs", " more.");


    @Test
    void aModelThatDoesNotStartInTimeIsCancelledAndTheBestPassageAnswers() {
        ollama.delayFirstToken(Duration.ofSeconds(2));
        ollama.delayEachToken(Duration.ofMillis(100));
        int abandoned = ollama.abandonedStreams();
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        assertThat(payloads(outbound(conversationId), ReplyMessage.class)).containsExactly(
                new ReplyMessage(FEES.text(), Provenance.EXTRACTIVE, List.of(FEES.citation())));
        GenerationCompleted record = completed(conversationId);
        assertThat(record.model()).isNull();
        assertThat(record.totalMillis()).isLessThan(2_000);
        await().until(() -> ollama.abandonedStreams() > abandoned);
    }

    @Test
    void aFailureBeforeTheFirstTokenIsRetriedOnce() {
        ollama.replyWith(TWO_SENTENCES);
        ollama.failNext(1, 500);
        int before = ollama.chatRequests().size();
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        assertThat(completed(conversationId).provenance()).isEqualTo(Provenance.RAG);
        assertThat(ollama.chatRequests()).hasSize(before + 2);
    }

    @Test
    void aStallMidStreamEndsTheAnswerAtItsLastCompleteSentence() {
        ollama.replyWith(TWO_SENTENCES);
        ollama.stallAfter(4);
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        List<Envelope> outbound = outbound(conversationId);
        assertThat(payloads(outbound, ReplyToken.class)).extracting(ReplyToken::text)
                .containsExactly("A replacement card", " is free once a year [1].", " After", " that");
        assertThat(payloads(outbound, ReplyRetract.class)).containsExactly(
                new ReplyRetract(2, "A replacement card is free once a year [1].".length(), "stream_interrupted"));
        assertThat(payloads(outbound, ReplyMessage.class)).extracting(ReplyMessage::text, ReplyMessage::provenance)
                .containsExactly(tuple(
                        "A replacement card is free once a year [1].", Provenance.RAG));
    }

    @Test
    void aMalformedLineMidStreamIsTreatedAsTheStreamBreakingOff() {
        ollama.replyWith(TWO_SENTENCES);
        ollama.malformedAfter(3);
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        assertThat(payloads(outbound(conversationId), ReplyMessage.class)).extracting(ReplyMessage::text)
                .containsExactly("A replacement card is free once a year [1].");
    }

    @Test
    void aConnectionDroppedBeforeAnyTokenFallsBack() {
        ollama.disconnectAfter(0);
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));

        assertThat(completed(conversationId).provenance()).isEqualTo(Provenance.EXTRACTIVE);
    }

    @Test
    void aCancelledTurnStopsTheModelAndKeepsWhatTheUserHadSeen() {
        List<String> tokens = new ArrayList<>(List.of("A replacement card", " is free once a year [1]."));
        for (int i = 0; i < 40; i++) {
            tokens.add(" More");
        }
        ollama.replyWith(tokens);
        ollama.delayEachToken(Duration.ofMillis(50));
        int abandoned = ollama.abandonedStreams();
        String conversationId = ask("Do new cards cost anything?", List.of(FEES));
        TopicClient.shared().awaitEvents(Topics.CHAT_OUTBOUND, conversationId, 4);

        TopicClient.shared().send(Envelope.first("acme", "bank-support", conversationId, "t-1", null,
                new GenerationCancelled("client disconnected")));

        GenerationCompleted record = completed(conversationId);
        assertThat(record.text()).isEqualTo("A replacement card is free once a year [1].");
        assertThat(record.provenance()).isEqualTo(Provenance.RAG);
        assertThat(payloads(outbound(conversationId), ReplyToken.class)).hasSizeLessThan(tokens.size());
        await().until(() -> ollama.abandonedStreams() > abandoned);
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichAnswersAtOnceAndShowsInHealthAndMetrics() {
        ollama.failWith(503);
        for (int i = 0; i < 3; i++) {
            completed(ask("Do new cards cost anything?", List.of(FEES)));
        }
        int asked = ollama.chatRequests().size();

        GenerationCompleted whileOpen = completed(ask("Do new cards cost anything?", List.of(FEES)));
        assertThat(whileOpen.provenance()).isEqualTo(Provenance.EXTRACTIVE);
        assertThat(whileOpen.totalMillis()).isLessThan(2_000);
        assertThat(ollama.chatRequests()).as("the open breaker spares the sidecar").hasSize(asked);

        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'slm-sidecar' }.data.breaker", equalTo("open"));
        given().get("/q/metrics").then()
                .body(containsString("confab_generation_sidecar_breaker_open 1.0"))
                .body(containsString("confab_generation_fallbacks_total{provenance=\"EXTRACTIVE\"}"));
    }
}
