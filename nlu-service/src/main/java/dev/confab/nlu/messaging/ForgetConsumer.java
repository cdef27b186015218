package dev.confab.nlu.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.UserForgotten;
import dev.confab.nlu.service.RecentFallbacks;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the public stream for {@code user.forgotten} and drops what nlu keeps of those conversations (the recent
 * messages discovery clusters). Every instance keeps its own, so each reads the stream with its own group.
 */
@ApplicationScoped
public class ForgetConsumer {

    private final RecentFallbacks fallbacks;

    public ForgetConsumer(RecentFallbacks fallbacks) {
        this.fallbacks = fallbacks;
    }

    @Incoming("conversation-events")
    public void event(Envelope event) {
        if (event != null && event.payload() instanceof UserForgotten forgotten) {
            fallbacks.forget(event.tenantId(), forgotten.conversationIds());
        }
    }
}
