package dev.confab.bundle;

import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.model.Action;
import dev.confab.bundle.model.Assistant;
import dev.confab.bundle.model.Intent;
import dev.confab.bundle.model.KnowledgeSource;
import dev.confab.bundle.model.Slot;
import dev.confab.testsupport.NativeImageConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A native executable can load bundles: the types Jackson binds sections to, and the schema and system patterns. */
class BundleNativeImageConfigTest {

    @Test
    void everyTypeABundleSectionIsBoundToIsRegistered() {
        assertThat(NativeImageConfig.unregistered("assistant-bundle", "dev.confab.bundle.", Assistant.class,
                Slot.class, Intent.class, Action.class, KnowledgeSource.class)).isEmpty();
    }

    @Test
    void theResourcesTheLoaderReadsAreIncluded() {
        assertThat(NativeImageConfig.includesResource("assistant-bundle", BundleLoader.SCHEMA_RESOURCE)).isTrue();
        assertThat(NativeImageConfig.includesResource("assistant-bundle", "dev/confab/bundle/system-patterns.yaml"))
                .isTrue();
    }
}
