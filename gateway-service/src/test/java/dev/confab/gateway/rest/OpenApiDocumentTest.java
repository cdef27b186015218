package dev.confab.gateway.rest;

import dev.confab.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat API's OpenAPI document, generated at build from the code, is the committed {@code docs/openapi.yaml}
 * that clients and {@code .ci/run}'s Spectral lint read; when the code changes the API, the test says so and
 * writes the new document to {@code target/openapi.yaml} to be copied over.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("../docs/openapi.yaml");

    @Test
    void theCommittedDocumentIsTheOneTheCodeServes() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path generated = Path.of("target/openapi.yaml");
        Files.writeString(generated, served);

        assertThat(COMMITTED).as("run the gateway's tests, then cp gateway-service/target/openapi.yaml docs/")
                .exists();
        assertThat(Files.readString(COMMITTED))
                .as("docs/openapi.yaml drifted from the code: cp gateway-service/target/openapi.yaml docs/")
                .isEqualTo(served);
    }
}
