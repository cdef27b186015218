package dev.confab.contracts.event;

/** The bot has nothing more to say for this turn ({@code reply.done}). */
public record ReplyDone(int messages) implements EventPayload {
}
