package dev.confab.nlu.rest;

import dev.confab.nlu.NluReadiness;
import dev.confab.nlu.TestAssistant;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** POST /v1/nlu/parse with the test assistant's model (block_card, order_card, check_balance). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestAssistant.class)
class ParseResourceTest {

    @BeforeEach
    void modelIsTrained() {
        NluReadiness.awaitModel();
    }

    @Test
    void readinessNamesTheVersionUnderstoodForEachAssistant() {
        TestKeys.asPlatform().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'nlu-models' }.data.'default/bank-support'", equalTo("test-1"))
                .body("checks.find { it.name == 'nlu-models' }.data.training", equalTo(0));
    }

    @Test
    void refusesToParseForAnAssistantThatWasNeverReleased() {
        TestKeys.asPlatform().contentType("application/json")
                .body(Map.of("text", "block my card", "tenantId", "nobody", "assistantId", "bank-support"))
                .post("/v1/nlu/parse")
                .then().statusCode(503)
                .header("Retry-After", notNullValue());
    }

    @Test
    void understandsAnUnseenWording() {
        parse("someone stole my card, please lock it")
                .then().statusCode(200)
                .body("intents[0].intent", equalTo("block_card"))
                .body("outOfScope", equalTo(false))
                .body("modelVersion", matchesPattern("[0-9a-f]{12}"));
    }

    @Test
    void aConfiguredMinimumConfidenceKeepsAnIntentFromGuesses() {
        parse("how much money do I have left")
                .then().statusCode(200)
                .body("intents[0].intent", equalTo("check_balance"))
                .body("outOfScope", equalTo(true));
    }

    @Test
    void saysWhenARequestIsOutOfScope() {
        parse("recommend a good pizza place near the station")
                .then().statusCode(200)
                .body("outOfScope", equalTo(true));
    }

    @Test
    void findsEntitiesRelativeToTheReferenceTime() {
        TestKeys.asPlatform().contentType(ContentType.JSON)
                .body(Map.of("text", "block my credit card, £250 went missing yesterday at 3pm",
                        "referenceTime", "2022-03-15T09:00:00Z"))
                .post("/v1/nlu/parse")
                .then().statusCode(200)
                .body("language", equalTo("en"))
                .body("entities.findAll { it.source != 'model' }.entity", contains("card_type", "money", "datetime"))
                .body("entities.findAll { it.source != 'model' }.value",
                        contains("credit", "250 GBP", "2022-03-14T15:00"))
                .body("entities.findAll { it.source != 'model' }.text",
                        contains("credit card", "£250", "yesterday at 3pm"))
                .body("entities.findAll { it.source != 'model' }.source", contains("lookup", "rule", "rule"));
    }

    @Test
    void returnsEachRequestOfAMultiIntentMessageWithItsSpan() {
        parse("please block my card and order a new one")
                .then().statusCode(200)
                .body("parts.intent", contains("block_card", "order_card"))
                .body("parts.start", contains(0, 25))
                .body("parts.end", contains(20, 40));
    }

    @Test
    void tagsTheAssistantsSlotsNextToTheSystemEntities() {
        parse("send £75 to peter")
                .then().statusCode(200)
                .body("entities.findAll { it.source == 'model' }.entity", contains("amount", "recipient"))
                .body("entities.findAll { it.source == 'model' }.value", contains("75 GBP", "peter"))
                .body("entities.findAll { it.source == 'rule' }.entity", contains("money"));
    }

    @Test
    void readsWhatAWholeMessageMeansForACategorySlot() {
        parse("a thief took it from my bag")
                .then().statusCode(200)
                .body("categories.slot", contains("loss_kind"))
                .body("categories.value", contains("stolen"));
        parse("what is my balance")
                .then().statusCode(200)
                .body("categories", empty());
    }

    @Test
    void reportsTheLanguageOfAForeignMessage() {
        parse("Bonjour, j'ai perdu ma carte bancaire hier soir")
                .then().statusCode(200)
                .body("language", equalTo("fr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"🙂🙂🙂", "أريد بطاقة جديدة", "block\u0000my\u0007card", "Ich habe meine Karte verloren"})
    void unusualInputGetsAValidResult(String text) {
        parse(text)
                .then().statusCode(200)
                .body("intents[0].intent", notNullValue())
                .body("text", equalTo(text));
    }

    @Test
    void emptyAndOversizedTextAreRefusedWithAReason() {
        parse("  ").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("missing or empty"));
        parse("a".repeat(4001)).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("the limit is 4000"));
        TestKeys.asPlatform().contentType(ContentType.JSON).body("{\"text\": ")
                .post("/v1/nlu/parse")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Response parse(String text) {
        return TestKeys.asPlatform().contentType(ContentType.JSON).body(Map.of("text", text)).post("/v1/nlu/parse");
    }
}
