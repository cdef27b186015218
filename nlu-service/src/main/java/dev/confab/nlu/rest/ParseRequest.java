package dev.confab.nlu.rest;

import java.time.OffsetDateTime;

/**
 * Body of a design-time parse request.
 *
 * @param referenceTime the moment relative dates refer to ("tomorrow"); now when absent
 */
public record ParseRequest(String text, OffsetDateTime referenceTime) {
}
