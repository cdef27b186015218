package dev.confab.analytics.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.UserForgotten;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Figures per tenant and assistant, kept from every public conversation event (and dialog's handoff requests),
 * each event counted once however often it was delivered. A tenant sees only its own: figures are kept and asked
 * for by tenant.
 */
@ApplicationScoped
public class ConversationAnalytics {

    /** About 10 MB of ids: minutes of events at the suite's peak rate, far longer than a republish takes. */
    private static final int RECENT_IDS = 100_000;

    private final Map<List<String>, Tally> tallies = new ConcurrentHashMap<>();
    private final RecentEventIds recent = new RecentEventIds(RECENT_IDS);
    private final MeterRegistry registry;

    public ConversationAnalytics(MeterRegistry registry) {
        this.registry = registry;
        registry.gaugeMapSize("confab.analytics.assistants", List.of(), tallies);
    }

    public void record(Envelope event) {
        if (!recent.firstTime(event.eventId())) {
            registry.counter("confab.analytics.duplicates").increment();
            return;
        }
        if (event.payload() instanceof UserForgotten forgotten) {
            registry.counter("confab.analytics.erasures").increment();
            // An erasure names no assistant: it reaches each of the tenant's.
            tallies.forEach((key, tally) -> {
                if (key.get(0).equals(event.tenantId())) {
                    tally.forget(forgotten.conversationIds());
                }
            });
            return;
        }
        tallies.computeIfAbsent(List.of(event.tenantId(), event.assistantId()), key -> new Tally())
                .record(event);
    }

    /** The figures so far; all zero for an assistant without conversations. */
    public AnalyticsReport report(String tenant, String assistant) {
        return tallies.getOrDefault(List.of(tenant, assistant), new Tally())
                .report(tenant, assistant);
    }
}
