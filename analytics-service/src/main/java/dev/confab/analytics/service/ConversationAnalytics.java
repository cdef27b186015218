package dev.confab.analytics.service;

import dev.confab.contracts.event.Envelope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Figures per tenant and assistant, kept from every public conversation event (and dialog's handoff requests).
 * A tenant sees only its own: figures are kept and asked for by tenant.
 */
@ApplicationScoped
public class ConversationAnalytics {

    private final Map<List<String>, Tally> tallies = new ConcurrentHashMap<>();

    public ConversationAnalytics(MeterRegistry registry) {
        registry.gaugeMapSize("confab.analytics.assistants", List.of(), tallies);
    }

    public void record(Envelope event) {
        tallies.computeIfAbsent(List.of(event.tenantId(), event.assistantId()), key -> new Tally())
                .record(event);
    }

    /** The figures so far; all zero for an assistant without conversations. */
    public AnalyticsReport report(String tenant, String assistant) {
        return tallies.getOrDefault(List.of(tenant, assistant), new Tally())
                .report(tenant, assistant);
    }
}
