package dev.confab.gateway;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyHandoff;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyRetract;
import dev.confab.contracts.event.ReplyToken;

import java.util.Optional;

/**
 * One event of the client's SSE stream.
 *
 * @param position where the reply lies in {@code chat.outbound}, sent as the SSE id; none for what the gateway says
 *                 itself (a timeout's {@code error} and {@code done}, heartbeats), so that {@code Last-Event-ID} always
 *                 names a replayable event
 * @param name     the SSE event name: {@code token}, {@code retract} (keep only the first {@code fromOffset}
 *                 characters of the streamed text), {@code message}, {@code handoff} (where a handoff to a human
 *                 stands), {@code error} or {@code done}; {@code heartbeat} is sent as an SSE comment, which clients
 *                 ignore
 * @param data     the JSON body
 */
public record StreamEvent(StreamPosition position, String name, Object data) {

    /** Why a stream ended without a complete reply. */
    public record Error(String reason) {
    }

    private static final String HEARTBEAT = "heartbeat";

    /** The SSE id, or null when the event is the gateway's own. */
    public String id() {
        return position == null ? null : position.toString();
    }

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
    public static Optional<StreamEvent> from(Envelope reply, StreamPosition position) {
        Object payload = reply.payload();
        if (payload instanceof ReplyMessage message) {
            return Optional.of(new StreamEvent(position, "message",
                    ShownMessage.of(reply.eventId().toString(), message)));
        }
        String name = payload instanceof ReplyToken ? "token"
                : payload instanceof ReplyRetract ? "retract"
                : payload instanceof ReplyHandoff ? "handoff"
                : payload instanceof ReplyDone ? "done"
                : null;
        return Optional.ofNullable(name)
                .map(eventName -> new StreamEvent(position, eventName, payload));
    }

    public static StreamEvent error(String reason) {
        return new StreamEvent(null, "error", new Error(reason));
    }

    public static StreamEvent done(int messages) {
        return new StreamEvent(null, "done", new ReplyDone(messages));
    }
}
