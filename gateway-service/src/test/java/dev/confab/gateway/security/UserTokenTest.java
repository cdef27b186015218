package dev.confab.gateway.security;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.UserMessage;
import dev.confab.gateway.FollowChecks;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.LiveSseStream;
import dev.confab.testsupport.TopicClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The signed-in user comes only from a token the identity provider signed: the gateway checks issuer, signature
 * (against the provider's JWKS) and expiry, and never takes a user id from the body.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(FollowChecks.Resource.class)
@TestProfile(UserTokenTest.WithIdentityProvider.class)
class UserTokenTest {

    private static final String ISSUER = "https://login.bank.example";
    private static final RsaJsonWebKey PROVIDER = key("provider");
    private static final RsaJsonWebKey FORGER = key("provider");

    @TestHTTPResource("/v1/conversations")
    URL conversations;

    /** The gateway verifies users against the provider's JWKS, written to a file as a provider would serve it. */
    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path jwks = Files.createTempFile("jwks", ".json");
                Files.writeString(jwks, new JsonWebKeySet(PROVIDER).toJson());
                return Map.of("gateway.users.issuer", ISSUER, "gateway.users.jwks", jwks.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aVerifiedTokenNamesTheUserOfTheTurn() {
        String conversation = "c-" + UUID.randomUUID();

        send(given().header("X-User-Token", token(PROVIDER, ISSUER, "u-ada", 60)), conversation).statusCode(200);

        assertThat(TopicClient.shared().awaitEvents(Topics.CHAT_INBOUND, conversation, 1))
                .extracting(event -> ((UserMessage) event.payload()).userId())
                .containsExactly("u-ada");
    }

    @Test
    void aHistoryRequestSaysWhichVerifiedUserAsks() {
        String conversation = "c-" + UUID.randomUUID();

        // No dialog runs in these tests, so the request is asked and then times out (503); what was asked counts.
        given().header("X-User-Token", token(PROVIDER, ISSUER, "u-ada", 60))
                .get("/v1/conversations/{id}/messages?limit=5", conversation)
                .then().statusCode(503);

        assertThat(TopicClient.shared().awaitEvents(Topics.CHAT_CONTROL, conversation, 1))
                .extracting(Envelope::payload)
                .containsExactly(new HistoryRequested(5, "u-ada"));
    }

    @Test
    void aSignedInUsersConversationIsFollowedByThatUserOnly() throws Exception {
        String conversation = "c-" + UUID.randomUUID();
        FollowChecks.ownedBy(conversation, "u-ada");

        for (RequestSpecification someoneElse : List.of(given(),
                given().header("X-User-Token", token(PROVIDER, ISSUER, "u-bob", 60)))) {
            someoneElse.get("/v1/conversations/{id}/stream", conversation)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        try (LiveSseStream own = LiveSseStream.open(HttpRequest.newBuilder(
                        URI.create(conversations + "/" + conversation + "/stream"))
                .header("X-User-Token", token(PROVIDER, ISSUER, "u-ada", 60))
                .build())) {
            assertThat(own.status()).isEqualTo(200);
        }
        assertThat(TopicClient.shared().awaitEvents(Topics.CHAT_CONTROL, conversation, 3))
                .extracting(Envelope::payload)
                .containsExactly(new HistoryRequested(1, null), new HistoryRequested(1, "u-bob"),
                        new HistoryRequested(1, "u-ada"));
    }

    @Test
    void aTokenThatIsNotTheProvidersOrIsStaleIsRefusedAndSendsNothing() {
        String conversation = "c-" + UUID.randomUUID();
        int before = TopicClient.shared().records(Topics.CHAT_INBOUND).size();

        for (String token : new String[] {token(FORGER, ISSUER, "u-ada", 60),
                token(PROVIDER, "https://login.elsewhere.example", "u-ada", 60),
                token(PROVIDER, ISSUER, "u-ada", -5), "not.a.token"}) {
            send(given().header("X-User-Token", token), conversation).statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("user token"));
        }

        assertThat(TopicClient.shared().records(Topics.CHAT_INBOUND)).hasSize(before);
    }

    @Test
    void aUserIdInTheBodyIsRefused() {
        given().contentType("application/json").body(Map.of("text", "what do you remember?", "userId", "u-ada"))
                .post("/v1/conversations/{id}/messages", "c-" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("X-User-Token"));
    }

    private static ValidatableResponse send(RequestSpecification request, String conversation) {
        return request.contentType("application/json").body(Map.of("text", "hello"))
                .post("/v1/conversations/{id}/messages", conversation).then();
    }

    private static String token(RsaJsonWebKey key, String issuer, String user, int minutes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user);
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey key(String id) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(id);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
