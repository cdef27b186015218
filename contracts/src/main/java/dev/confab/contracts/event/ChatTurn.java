package dev.confab.contracts.event;

/** One earlier message of the conversation, as context for generation. */
public record ChatTurn(Speaker speaker, String text) {

    /** Who said it. */
    public enum Speaker {
        USER, BOT
    }
}
