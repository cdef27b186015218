package dev.confab.contracts.rest;

/** A request the API refuses, with the reason the client is told. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String reason) {
        super(reason);
    }
}
