package dev.confab.contracts.event;

import java.util.List;

/**
 * Someone acted with an API key's power beyond chatting — an agent wrote to a user, a reviewer judged a conversation,
 * an administrator changed knowledge or erased a user ({@code audit.recorded} on {@code audit.events}, append-only).
 * The envelope's tenant is the one acted for, its time when, its conversation id {@code audit:<tenant>}.
 *
 * @param keyId  who: the public id of the API key
 * @param roles  the key's roles
 * @param action what: the endpoint, as method and path template ({@code DELETE /v1/users/{userId}})
 * @param target on what: the path as called
 * @param status the HTTP status it was answered with
 */
public record AuditRecorded(String keyId, List<String> roles, String action, String target, int status)
        implements EventPayload {

    public AuditRecorded {
        roles = List.copyOf(roles);
    }
}
