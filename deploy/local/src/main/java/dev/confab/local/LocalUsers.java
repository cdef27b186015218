package dev.confab.local;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The local run's stand-in for a bank's identity provider: a signing key made on each start, its public half as a
 * JWKS file the gateway verifies user tokens against, and tokens for any user id, which conversation tests and the
 * README's examples use to be a signed-in user. A real deployment points the gateway at its provider instead.
 */
public final class LocalUsers {

    static final String ISSUER = "https://login.confab.local";
    private static final String KEY_ID = "local-run";

    private LocalUsers() {
    }

    /** Makes the key pair and writes {@code users/jwks.json} and the owner-only {@code users/signing-key}. */
    static List<String> create(LocalSettings settings) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            Path users = Files.createDirectories(settings.workDir().resolve("users"));
            Files.writeString(users.resolve("jwks.json"), new JsonWebKeySet(key).toJson());
            Path signing = users.resolve("signing-key");
            Files.deleteIfExists(signing);
            Files.createFile(signing,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(signing, Base64.getEncoder().encodeToString(key.getPrivateKey().getEncoded()));
            return List.of("-Dgateway.users.issuer=" + ISSUER, "-Dgateway.users.jwks=" + users.resolve("jwks.json"));
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot make the local run's signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token naming {@code userId}, valid for an hour, signed with the key of the suite running in workDir. */
    public static String tokenFor(Path workDir, String userId) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setSubject(userId);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(60);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(signingKey(workDir));
            jws.setKeyIdHeaderValue(KEY_ID);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token for " + userId, e);
        }
    }

    private static PrivateKey signingKey(Path workDir) {
        try {
            byte[] encoded = Base64.getDecoder().decode(Files.readString(workDir.resolve("users/signing-key")).strip());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("No running suite's signing key in " + workDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key in " + workDir + " is not an RSA key", e);
        }
    }
}
