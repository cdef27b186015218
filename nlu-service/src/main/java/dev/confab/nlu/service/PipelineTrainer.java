package dev.confab.nlu.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Entities;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.SlotType;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.CategoryReader;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.discovery.UtteranceDiscovery;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.tagger.Slot;
import dev.confab.nlu.engine.entity.tagger.SlotExample;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.entity.tagger.WordVectors;
import dev.confab.nlu.engine.language.LanguageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains an assistant's NLU pipeline from its bundle: the intent classifier on the intents' examples (examples of
 * the {@code out_of_scope} role teach the out-of-scope threshold), entities from the bundle's lookups and patterns,
 * and the slot tagger on the bundle's marked examples. The sentence encoder and the language models are
 * shared by every assistant; only the training thread touches this class.
 */
@ApplicationScoped
public class PipelineTrainer {

    private final NluConfig config;
    private final PipelineStore store;
    private SentenceEncoder encoder;
    private LanguageIdentifier languages;

    public PipelineTrainer(NluConfig config, PipelineStore store) {
        this.config = config;
        this.store = store;
    }

    NluPipeline train(AssistantBundle bundle) {
        // Definitions first: a broken pattern should fail in milliseconds, not after training.
        EntityDefinitions definitions = entityDefinitions(bundle);
        EntityRecognizer entities = EntityRecognizer.of(definitions);
        ClassifierSettings settings = settings();
        List<Example> examples = examples(bundle);
        List<SlotExample> slotExamples = slotExamples(bundle);
        String key = key(examples, definitions, settings, slotExamples);
        WordVectors vectors = new WordVectors(encoder());
        PipelineStore.Trained trained = store.load(key, encoder(), entities::recognize, vectors)
                .orElseGet(() -> {
                    PipelineStore.Trained fresh = new PipelineStore.Trained(
                            IntentClassifier.train(examples, encoder(), settings),
                            teachesSlots(slotExamples)
                                    ? Optional.of(SlotTagger.train(slotExamples, entities::recognize, vectors,
                                            ZonedDateTime.now(config.timeZone())))
                                    : Optional.empty());
                    store.save(key, fresh);
                    return fresh;
                });
        return new NluPipeline(trained.classifier(), entities, trained.slots(),
                CategoryReader.learn(categories(bundle), encoder()), languages(), new UtteranceDiscovery(encoder()));
    }

    /** The key the bundle's trained models are stored under ({@link TrainingKey}). */
    String keyOf(AssistantBundle bundle) {
        return key(examples(bundle), entityDefinitions(bundle), settings(), slotExamples(bundle));
    }

    private String key(List<Example> examples, EntityDefinitions definitions, ClassifierSettings settings,
                       List<SlotExample> slotExamples) {
        return TrainingKey.of(examples, definitions, settings, encoder().kind().id(), slotExamples);
    }

    private ClassifierSettings settings() {
        ClassifierSettings defaults = ClassifierSettings.defaults();
        return defaults.withHead(defaults.cost(), config.lexicalWeight(), defaults.mendTypos())
                .withMinimumConfidence(config.minimumConfidence());
    }

    private static EntityDefinitions entityDefinitions(AssistantBundle bundle) {
        Entities definitions = bundle.entities();
        return new EntityDefinitions(definitions.lookups(), definitions.patterns(), definitions.region());
    }

    private static List<Example> examples(AssistantBundle bundle) {
        List<Example> examples = new ArrayList<>();
        bundle.intents().forEach((name, intent) -> {
            String label = intent.role() == IntentRole.OUT_OF_SCOPE ? Example.OUT_OF_SCOPE : name;
            intent.examples().forEach(text -> examples.add(new Example(text, label)));
        });
        return examples;
    }

    /** Each category slot's values and their synonyms: a few dozen phrases, encoded in well under a second. */
    private static Map<String, Map<String, List<String>>> categories(AssistantBundle bundle) {
        Map<String, Map<String, List<String>>> categories = new LinkedHashMap<>();
        bundle.slots().forEach((name, slot) -> {
            if (slot.type() == SlotType.CATEGORY && !slot.values().isEmpty()) {
                categories.put(name, slot.values());
            }
        });
        return categories;
    }

    private SentenceEncoder encoder() {
        if (encoder == null) {
            encoder = new SentenceEncoder(SentenceEncoder.Kind.fromId(config.encoder()));
        }
        return encoder;
    }

    private LanguageIdentifier languages() {
        if (languages == null) {
            languages = new LanguageIdentifier(config.languages());
        }
        return languages;
    }

    /** The bundle's marked examples ({@link dev.confab.bundle.model.AnnotatedText}) as the tagger reads them. */
    private static List<SlotExample> slotExamples(AssistantBundle bundle) {
        return bundle.entities().examples().stream()
                .map(example -> new SlotExample(example.text(), example.spans().stream()
                        .map(span -> new Slot(span.entity(), span.start(), span.end()))
                        .toList()))
                .toList();
    }

    /** A bundle that marks no entity has no tagger: there is nothing for one to learn. */
    private static boolean teachesSlots(List<SlotExample> examples) {
        return examples.stream().anyMatch(example -> !example.slots().isEmpty());
    }
}
