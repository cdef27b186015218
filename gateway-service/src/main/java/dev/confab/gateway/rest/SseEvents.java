package dev.confab.gateway.rest;

import dev.confab.gateway.StreamEvent;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Writes stream events as SSE: named events with JSON data and their stream position as id, heartbeats as comments. */
final class SseEvents {

    private SseEvents() {
    }

    static OutboundSseEvent of(Sse sse, StreamEvent event) {
        if (event.isHeartbeat()) {
            return sse.newEventBuilder().comment("heartbeat").build();
        }
        OutboundSseEvent.Builder builder = sse.newEventBuilder()
                .name(event.name())
                .data(event.data());
        // Without an id field a client's Last-Event-ID stays on the last event it can resume after.
        return event.id() == null ? builder.build() : builder.id(event.id()).build();
    }
}
