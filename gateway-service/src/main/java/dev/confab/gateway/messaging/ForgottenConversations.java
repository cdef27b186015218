package dev.confab.gateway.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.UserForgotten;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The conversations erased at their users' request ({@code user.forgotten}): {@code chat.outbound} still keeps their
 * replies until its retention ends, and a resuming client must not replay them.
 */
@ApplicationScoped
public class ForgottenConversations {

    /** About 10 MB of ids: erasures are rare, and more than a retention's worth of them is not expected. */
    private static final int KEPT = 100_000;

    private final Set<String> forgotten = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > KEPT;
                }
            }));

    @Incoming("user-forgotten")
    public void event(Envelope event) {
        if (event != null && event.payload() instanceof UserForgotten erased) {
            erased.conversationIds().forEach(id -> forgotten.add(key(event.tenantId(), id)));
        }
    }

    /** Whether this tenant's conversation was erased. */
    public boolean contains(String tenant, String conversationId) {
        return forgotten.contains(key(tenant, conversationId));
    }

    private static String key(String tenant, String conversationId) {
        return tenant + "/" + conversationId;
    }
}
