package dev.confab.gateway.rest;

import dev.confab.gateway.StreamEvent;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Writes stream events as SSE: named events with an id and JSON data, heartbeats as comments. */
final class SseEvents {

    private SseEvents() {
    }

    static OutboundSseEvent of(Sse sse, StreamEvent event) {
        if (event.isHeartbeat()) {
            return sse.newEventBuilder().comment("heartbeat").build();
        }
        return sse.newEventBuilder()
                .id(event.id())
                .name(event.name())
                .data(event.data())
                .build();
    }
}
