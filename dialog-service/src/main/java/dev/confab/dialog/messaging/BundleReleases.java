package dev.confab.dialog.messaging;

import dev.confab.contracts.bundle.BundleRelease;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Writes released bundles to {@code assistant.bundles} (compacted: the latest record of each version stays), keyed
 * {@code tenant/assistant/version}, for every service to load.
 */
@ApplicationScoped
public class BundleReleases {

    private final MutinyEmitter<byte[]> releases;

    public BundleReleases(@Channel("assistant-releases") MutinyEmitter<byte[]> releases) {
        this.releases = releases;
    }

    public Uni<Void> publish(BundleRelease release) {
        return releases.sendMessage(Message.of(release.toJson())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(release.key()).build()));
    }
}
