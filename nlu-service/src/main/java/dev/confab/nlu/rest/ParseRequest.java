package dev.confab.nlu.rest;

/** Body of a design-time parse request. */
public record ParseRequest(String text) {
}
