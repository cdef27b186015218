package dev.confab.dialog.messaging;

import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.dialog.service.AssistantRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads released assistant bundles. Every dialog instance reads the whole compacted topic from the start (its own
 * consumer group), so each one serves every assistant and version still in use.
 */
@ApplicationScoped
public class BundleConsumer {

    private final AssistantRegistry assistants;

    public BundleConsumer(AssistantRegistry assistants) {
        this.assistants = assistants;
    }

    @Incoming(DialogChannels.ASSISTANT_BUNDLES)
    @Blocking
    public void release(byte[] record) {
        if (record == null) {
            return;
        }
        try {
            assistants.accept(BundleRelease.fromJson(record));
        } catch (RuntimeException e) {
            Log.warnf("Skipping an unreadable bundle release: %s", e.getMessage());
        }
    }
}
