package dev.confab.gateway.security;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.gateway.config.GatewayConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The signed-in user of a request, taken only from a token the tenant's identity provider signed
 * ({@code X-User-Token}: issuer, signature against its JWKS, expiry checked by smallrye-jwt) — never from what the
 * client says, since long-term memory and erasure act on the user id.
 */
@ApplicationScoped
public class UserTokens {

    private final Optional<DefaultJWTParser> parser;

    public UserTokens(GatewayConfig config) {
        this.parser = config.users().issuer()
                .flatMap(issuer -> config.users().jwks().map(jwks -> new JWTAuthContextInfo(jwks, issuer)))
                .map(DefaultJWTParser::new);
    }

    /** The user a token names ({@code sub}), or empty without a token; refused when it is not valid. */
    public Optional<String> userOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        DefaultJWTParser verifier = parser.orElseThrow(() -> new InvalidRequestException(
                "This gateway verifies no user tokens (gateway.users.issuer and gateway.users.jwks are unset)"));
        JsonWebToken verified;
        try {
            verified = verifier.parse(token.strip());
        } catch (ParseException e) {
            throw new AuthenticationFailedException("The user token is not valid: " + reason(e));
        }
        String subject = verified.getSubject();
        if (subject == null || !Envelope.IDENTIFIER.matcher(subject).matches()) {
            throw new AuthenticationFailedException("The user token's subject is not a usable user id");
        }
        return Optional.of(subject);
    }

    private static String reason(ParseException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }
}
