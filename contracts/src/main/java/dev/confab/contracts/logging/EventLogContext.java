package dev.confab.contracts.logging;

import dev.confab.contracts.event.Envelope;
import org.jboss.logging.MDC;

/**
 * Tags every log line written while an event is handled with its tenant, conversation and turn, so the JSON logs
 * of all services can be searched by conversation (OpenTelemetry adds the trace and span ids alongside). Quarkus
 * keeps the MDC per handled message (each gets its own Vert.x context), so one message's tags never stay on the
 * next.
 */
public final class EventLogContext {

    private EventLogContext() {
    }

    /** Tags what follows with the event's conversation; a null event (unreadable) tags nothing. */
    public static void of(Envelope event) {
        if (event == null) {
            return;
        }
        MDC.put("tenantId", event.tenantId());
        MDC.put("conversationId", event.conversationId());
        MDC.put("turnId", event.turnId());
    }
}
