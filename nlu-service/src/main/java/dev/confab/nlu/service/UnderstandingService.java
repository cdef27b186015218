package dev.confab.nlu.service;

import dev.confab.contracts.event.CategoryValue;
import dev.confab.contracts.event.EntityValue;
import dev.confab.contracts.event.IntentScore;
import dev.confab.contracts.event.IntentSpan;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.entity.EntityMatch;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Understands a user message: ranked intents with calibrated confidences, out-of-scope and ambiguity decisions,
 * entities, the category values it means and language.
 */
@ApplicationScoped
public class UnderstandingService {

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

    /** @param now the moment the user spoke, which "tomorrow" or "the last 3 hours" refer to */
    public MessageUnderstood understand(String text, NluPipeline pipeline, ZonedDateTime now) {
        // Bounded work per message: what a customer wants is in the first sentences.
        String understood = text.length() > config.maxClassifiedChars()
                ? text.substring(0, config.maxClassifiedChars())
                : text;
        IntentPrediction prediction = pipeline.classifier().classify(understood);
        confidence.record(prediction.ranking().get(0).confidence());
        registry.counter("confab.nlu.decisions", "decision", decision(prediction)).increment();
        List<IntentScore> intents = prediction.ranking().stream()
                .map(score -> new IntentScore(score.intent(), score.confidence()))
                .toList();
        List<EntityMatch> system = pipeline.entities().recognize(understood, now);
        List<EntityMatch> slots = pipeline.slots()
                .map(tagger -> tagger.tag(understood, system))
                .orElse(List.of());
        List<EntityValue> entities = Stream.concat(system.stream(), slots.stream())
                .map(UnderstandingService::entityValue)
                .toList();
        List<IntentSpan> parts = prediction.parts().stream()
                .map(part -> new IntentSpan(part.intent(), part.confidence(), part.start(), part.end()))
                .toList();
        List<CategoryValue> categories = pipeline.categories().read(prediction.embedding()).stream()
                .map(reading -> new CategoryValue(reading.slot(), reading.value(), reading.similarity()))
                .toList();
        return new MessageUnderstood(text, pipeline.languages().identify(understood), intents,
                prediction.outOfScope(), prediction.ambiguous(), parts, entities, pipeline.classifier().version())
                .withCategories(categories);
    }

    private static EntityValue entityValue(EntityMatch match) {
        return new EntityValue(match.entity(), match.text(), match.value(), match.start(), match.end(),
                match.source().wireName(), match.confidence());
    }

    private static String decision(IntentPrediction prediction) {
        return prediction.outOfScope() ? "out_of_scope" : prediction.ambiguous() ? "ambiguous" : "in_scope";
    }
}
