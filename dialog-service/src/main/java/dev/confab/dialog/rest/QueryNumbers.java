package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;

/** Reads numbers from query parameters, refusing a malformed or out-of-range one with a reason that names it. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    /** A page size: {@code byDefault} when absent, else a whole number from 1 to {@code max}. */
    static int limit(String value, int byDefault, int max) {
        long size = value == null ? byDefault : whole(value, "limit");
        if (size < 1 || size > max) {
            throw new InvalidRequestException("'limit' is a whole number between 1 and " + max);
        }
        return (int) size;
    }

    /** A whole number, such as a page cursor. */
    static long whole(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    /** A confidence: {@code byDefault} when absent, else a number from 0 to 1. */
    static double confidence(String value, double byDefault, String name) {
        double confidence;
        try {
            confidence = value == null ? byDefault : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be a number, not '" + value + "'");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new InvalidRequestException("'" + name + "' is a confidence between 0 and 1");
        }
        return confidence;
    }
}
