package dev.confab.nlu.service;

import dev.confab.contracts.event.IntentScore;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.IntentPrediction;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Understands a user message: ranked intents with calibrated confidences, out-of-scope and ambiguity decisions. */
@ApplicationScoped
public class UnderstandingService {

    /** Language reported until a detector is in place. */
    private static final String UNDETERMINED = "und";

    private final NluConfig config;
    private final MeterRegistry registry;
    private final DistributionSummary confidence;

    public UnderstandingService(NluConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.confidence = DistributionSummary.builder("confab.nlu.confidence")
                .description("Confidence of the best intent")
                .publishPercentileHistogram()
                .register(registry);
    }

    public MessageUnderstood understand(String text, IntentClassifier classifier) {
        String classified = text.length() > config.maxClassifiedChars()
                ? text.substring(0, config.maxClassifiedChars())
                : text;
        IntentPrediction prediction = classifier.classify(classified);
        confidence.record(prediction.ranking().get(0).confidence());
        registry.counter("confab.nlu.decisions", "decision", decision(prediction)).increment();
        List<IntentScore> intents = prediction.ranking().stream()
                .map(score -> new IntentScore(score.intent(), score.confidence()))
                .toList();
        return new MessageUnderstood(text, UNDETERMINED, intents, prediction.outOfScope(), prediction.ambiguous(),
                List.of(), classifier.version());
    }

    private static String decision(IntentPrediction prediction) {
        return prediction.outOfScope() ? "out_of_scope" : prediction.ambiguous() ? "ambiguous" : "in_scope";
    }
}
