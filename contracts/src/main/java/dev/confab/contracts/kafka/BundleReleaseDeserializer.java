package dev.confab.contracts.kafka;

import dev.confab.contracts.bundle.BundleRelease;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads bundle releases from {@code assistant.bundles}; an unreadable record yields {@code null}, which is skipped. */
public class BundleReleaseDeserializer implements Deserializer<BundleRelease> {

    @Override
    public BundleRelease deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return BundleRelease.fromJson(data);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
