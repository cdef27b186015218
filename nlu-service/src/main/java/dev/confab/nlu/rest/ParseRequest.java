package dev.confab.nlu.rest;

import java.time.OffsetDateTime;

/**
 * Body of a design-time parse request.
 *
 * @param referenceTime the moment relative dates refer to ("tomorrow"); now when absent
 * @param tenantId      whose assistant understands the text; {@code nlu.default-tenant} when absent
 * @param assistantId   which assistant; {@code nlu.default-assistant} when absent
 */
public record ParseRequest(String text, OffsetDateTime referenceTime, String tenantId, String assistantId) {
}
