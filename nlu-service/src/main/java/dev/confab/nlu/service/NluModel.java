package dev.confab.nlu.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import dev.confab.nlu.engine.eval.ExampleFiles;
import dev.confab.nlu.engine.eval.NluppFiles;
import dev.confab.nlu.engine.language.LanguageIdentifier;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The assistant's NLU: intent classifier, entity definitions, slot tagger and language models. It is built in the background at
 * startup, so the service is live at once and ready (health) as soon as the model is; consumers that arrive earlier
 * wait for it.
 */
@ApplicationScoped
public class NluModel {

    private final NluConfig config;
    private final CompletableFuture<NluPipeline> pipeline = new CompletableFuture<>();

    public NluModel(NluConfig config) {
        this.config = config;
    }

    void buildOnStart(@Observes StartupEvent startup) {
        Thread training = new Thread(this::build, "nlu-training");
        training.setDaemon(true);
        training.start();
    }

    /** The trained pipeline, or empty while training (or if training failed). */
    public Optional<NluPipeline> ifReady() {
        return pipeline.isDone() && !pipeline.isCompletedExceptionally()
                ? Optional.of(pipeline.join())
                : Optional.empty();
    }

    /** The trained pipeline. @throws ModelNotReadyException while training (or if training failed) */
    public NluPipeline ready() {
        return ifReady().orElseThrow(ModelNotReadyException::new);
    }

    /** Blocks until the pipeline is built; call from worker threads only. */
    public NluPipeline awaitReady() {
        return pipeline.join();
    }

    private void build() {
        try {
            long start = System.nanoTime();
            // Definitions first: a broken entity file should fail in milliseconds, not after training.
            EntityRecognizer entities = EntityRecognizer.of(new ObjectMapper(new YAMLFactory())
                    .readValue(readResource(config.entitiesResource()), EntityDefinitions.class));
            List<Example> examples = ExampleFiles.parseJsonl(readResource(config.trainingResource()).lines().toList(),
                    config.trainingResource());
            SentenceEncoder encoder = new SentenceEncoder(SentenceEncoder.Kind.fromId(config.encoder()));
            IntentClassifier classifier = IntentClassifier.train(examples, encoder,
                    ClassifierSettings.defaults().withMinimumConfidence(config.minimumConfidence()));
            Optional<SlotTagger> slots = slots(entities, encoder);
            LanguageIdentifier languages = new LanguageIdentifier(config.languages());
            Log.infof("Trained NLU model %s on %d examples of %d intents in %.1f s", classifier.version(),
                    examples.size(), classifier.intents().size(), (System.nanoTime() - start) / 1e9);
            pipeline.complete(new NluPipeline(classifier, entities, slots, languages,
                    new UtteranceDiscovery(encoder)));
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Building the NLU model from %s and %s failed", config.trainingResource(),
                    config.entitiesResource());
            pipeline.completeExceptionally(e);
        }
    }

    /** The slot tagger trained on the assistant's annotated examples; none without them. */
    private Optional<SlotTagger> slots(EntityRecognizer entities, SentenceEncoder encoder) {
        return config.slotsResource().map(resource -> SlotTagger.train(
                NluppFiles.parse(readResource(resource), resource).stream()
                        .map(utterance -> new SlotExample(utterance.text(), utterance.slots()))
                        .toList(),
                entities::recognize, new WordVectors(encoder), ZonedDateTime.now(config.timeZone())));
    }

    private static String readResource(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource at classpath:" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
