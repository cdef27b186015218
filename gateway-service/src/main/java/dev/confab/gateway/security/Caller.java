package dev.confab.gateway.security;

/**
 * Who a request acts for: the tenant its API key belongs to.
 *
 * @param keyId the key's public id, or {@code null} for the anonymous tenant of a local run
 */
public record Caller(String tenant, String keyId) {
}
