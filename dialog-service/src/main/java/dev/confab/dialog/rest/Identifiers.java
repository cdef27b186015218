package dev.confab.dialog.rest;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;

/** Checks ids taken from request paths before they reach a query. */
final class Identifiers {

    private Identifiers() {
    }

    static void require(String value, String what) {
        if (!Envelope.IDENTIFIER.matcher(value).matches()) {
            throw new InvalidRequestException("Invalid " + what + ": use 1-128 letters, digits, '_', '-', '.' or ':'");
        }
    }
}
