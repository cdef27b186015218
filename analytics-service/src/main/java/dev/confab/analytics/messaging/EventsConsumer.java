package dev.confab.analytics.messaging;

import dev.confab.analytics.service.ConversationAnalytics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.HandoffRequested;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the analytics: every public conversation event, and from {@code conversation.handoffs} the requests for a
 * human (with their reason), which the public stream does not carry.
 */
@ApplicationScoped
public class EventsConsumer {

    private final ConversationAnalytics analytics;

    public EventsConsumer(ConversationAnalytics analytics) {
        this.analytics = analytics;
    }

    @Incoming("conversation-events")
    public void conversationEvent(Envelope event) {
        // An unreadable record arrives as null, or as an event of a type this build does not know.
        if (event != null && event.payload() != null) {
            analytics.record(event);
        }
    }

    @Incoming("handoffs")
    public void handoff(Envelope event) {
        if (event != null && event.payload() instanceof HandoffRequested) {
            analytics.record(event);
        }
    }
}
