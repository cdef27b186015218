package dev.confab.dialog.service;

/** A reviewer's word on which intent the user's message of one turn really meant. */
public record IntentCorrection(String turnId, String intent) {
}
