package dev.confab.generation.config;

import dev.confab.guardrails.GuardrailSettings;
import dev.confab.guardrails.Guardrails;
import dev.confab.nlu.engine.SentenceEncoder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The guardrail chain, with the same in-process encoder the NLU and retrieval use. */
public class GuardrailBeans {

    /** Built at startup: loading the encoder takes a second, which the first request must not wait for. */
    @Produces
    @Singleton
    @Startup
    Guardrails guardrails(GenerationConfig config) {
        GenerationConfig.GuardrailConfig rails = config.guardrails();
        return new Guardrails(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q),
                new GuardrailSettings(rails.phoneRegion(), rails.injectionThreshold(), rails.topicThreshold(),
                        rails.groundedOverlap(), rails.groundedSimilarity(), rails.rephraseSimilarity()));
    }
}
