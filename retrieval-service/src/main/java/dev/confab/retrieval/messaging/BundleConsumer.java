package dev.confab.retrieval.messaging;

import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.retrieval.service.BundleKnowledge;
import dev.confab.retrieval.service.InvalidDocumentsException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads released assistant bundles from the start of the compacted topic, in release order, and brings each
 * assistant's bundled knowledge documents up to its latest release.
 */
@ApplicationScoped
public class BundleConsumer {

    private final BundleKnowledge knowledge;

    public BundleConsumer(BundleKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Incoming("assistant-bundles")
    public Uni<Void> release(BundleRelease release) {
        if (release == null) {
            return Uni.createFrom().voidItem();
        }
        return knowledge.release(release)
                .invoke(() -> Log.infof("Knowledge of %s is queued for indexing", release.key()))
                .onFailure(failure -> failure instanceof InvalidBundleException
                        || failure instanceof InvalidDocumentsException)
                .recoverWithUni(failure -> {
                    Log.warnf("Not ingesting the knowledge of %s: %s", release.key(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
