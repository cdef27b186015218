package dev.confab.gateway;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;

import java.util.Optional;
import java.util.UUID;

/**
 * One event of the client's SSE stream.
 *
 * @param id   the SSE event id
 * @param name the SSE event name: {@code token}, {@code retract} (keep only the first {@code fromOffset} characters
 *             of the streamed text), {@code message}, {@code error} or {@code done}; {@code heartbeat} is sent as an
 *             SSE comment, which clients ignore
 * @param data the JSON body
 */
public record StreamEvent(String id, String name, Object data) {

    /** Why a stream ended without a complete reply. */
    public record Error(String reason) {
    }

    private static final String HEARTBEAT = "heartbeat";

    public boolean isDone() {
        return "done".equals(name);
    }

    public boolean isHeartbeat() {
        return HEARTBEAT.equals(name);
    }

    /** Keeps an idle stream's connection open through proxies that close silent ones. */
    public static StreamEvent heartbeat() {
        return new StreamEvent(null, HEARTBEAT, null);
    }

    /** Maps a reply event of {@code chat.outbound} to what the client sees; other events are not for clients. */
    public static Optional<StreamEvent> from(Envelope reply) {
        Object payload = reply.payload();
        String name = payload instanceof ReplyToken ? "token"
                : payload instanceof ReplyRetract ? "retract"
                : payload instanceof ReplyMessage ? "message"
                : payload instanceof ReplyDone ? "done"
                : null;
        return Optional.ofNullable(name)
                .map(eventName -> new StreamEvent(reply.eventId().toString(), eventName, reply.payload()));
    }

    public static StreamEvent error(String reason) {
        return new StreamEvent(UUID.randomUUID().toString(), "error", new Error(reason));
    }

    public static StreamEvent done(int messages) {
        return new StreamEvent(UUID.randomUUID().toString(), "done", new ReplyDone(messages));
    }
}
