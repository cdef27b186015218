package dev.confab.guardrails;

import dev.confab.guardrails.input.InjectionClassifier;
import dev.confab.testsupport.NativeImageConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A native executable can load the trained prompt-injection classifier: its type and its file. */
class GuardrailsNativeImageConfigTest {

    @Test
    void theClassifierAndItsFileAreThere() {
        assertThat(NativeImageConfig.unregistered("guardrails", "dev.confab.guardrails.", InjectionClassifier.class))
                .isEmpty();
        assertThat(NativeImageConfig.includesResource("guardrails", InjectionClassifier.RESOURCE)).isTrue();
    }
}
