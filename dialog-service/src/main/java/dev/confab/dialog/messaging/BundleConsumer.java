package dev.confab.dialog.messaging;

import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.dialog.service.AssistantRegistry;
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
    public void release(BundleRelease release) {
        if (release != null) {
            assistants.accept(release);
        }
    }
}
