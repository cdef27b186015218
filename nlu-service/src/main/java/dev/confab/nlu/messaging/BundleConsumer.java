package dev.confab.nlu.messaging;

import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.nlu.service.NluModels;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads released assistant bundles. Every nlu instance reads the whole compacted topic from the start (its own
 * consumer group) and trains the latest version of each assistant.
 */
@ApplicationScoped
public class BundleConsumer {

    private final NluModels models;

    public BundleConsumer(NluModels models) {
        this.models = models;
    }

    @Incoming("assistant-bundles")
    public void release(BundleRelease release) {
        if (release != null) {
            models.release(release);
        }
    }
}
