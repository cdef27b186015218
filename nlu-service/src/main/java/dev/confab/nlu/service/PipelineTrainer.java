package dev.confab.nlu.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Entities;
import dev.confab.bundle.model.IntentRole;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.discovery.UtteranceDiscovery;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.tagger.SlotExample;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.entity.tagger.WordVectors;
import dev.confab.nlu.engine.eval.NluppFiles;
import dev.confab.nlu.engine.language.LanguageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains an assistant's NLU pipeline from its bundle: the intent classifier on the intents' examples (examples of
 * the {@code out_of_scope} role teach the out-of-scope threshold), entities from the bundle's lookups and patterns,
 * and the slot tagger on the configured annotated utterances. The sentence encoder and the language models are
 * shared by every assistant; only the training thread touches this class.
 */
@ApplicationScoped
public class PipelineTrainer {

    private final NluConfig config;
    private final PipelineStore store;
    private SentenceEncoder encoder;
    private LanguageIdentifier languages;
    private Optional<List<SlotExample>> slotExamples;

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
        String key = key(examples, definitions, settings);
        WordVectors vectors = new WordVectors(encoder());
        PipelineStore.Trained trained = store.load(key, encoder(), entities::recognize, vectors)
                .orElseGet(() -> {
                    PipelineStore.Trained fresh = new PipelineStore.Trained(
                            IntentClassifier.train(examples, encoder(), settings),
                            slotExamples().map(slotExamples -> SlotTagger.train(slotExamples, entities::recognize,
                                    vectors, ZonedDateTime.now(config.timeZone()))));
                    store.save(key, fresh);
                    return fresh;
                });
        return new NluPipeline(trained.classifier(), entities, trained.slots(), languages(),
                new UtteranceDiscovery(encoder()));
    }

    /** The key the bundle's trained models are stored under ({@link TrainingKey}). */
    String keyOf(AssistantBundle bundle) {
        return key(examples(bundle), entityDefinitions(bundle), settings());
    }

    private String key(List<Example> examples, EntityDefinitions definitions, ClassifierSettings settings) {
        return TrainingKey.of(examples, definitions, settings, encoder().kind().id(), slotExamples().orElse(List.of()));
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

    private Optional<List<SlotExample>> slotExamples() {
        if (slotExamples == null) {
            slotExamples = config.slotsResource().map(resource -> NluppFiles.parse(readResource(resource), resource)
                    .stream()
                    .map(utterance -> new SlotExample(utterance.text(), utterance.slots()))
                    .toList());
        }
        return slotExamples;
    }

    private static String readResource(String resource) {
        try (InputStream in = PipelineTrainer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource at classpath:" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
