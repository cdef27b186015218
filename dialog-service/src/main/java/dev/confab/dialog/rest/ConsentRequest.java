package dev.confab.dialog.rest;

/** Body of {@code PUT /v1/users/{id}/memory}: whether the user lets the assistant remember facts about them. */
public record ConsentRequest(Boolean consent) {
}
