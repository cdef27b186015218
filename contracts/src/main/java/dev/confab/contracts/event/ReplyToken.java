package dev.confab.contracts.event;

/** A piece of bot text streamed to the client as soon as the model produced it ({@code reply.token}). */
public record ReplyToken(int index, String text) implements EventPayload {
}
