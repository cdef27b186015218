package dev.confab.nlu.service;

import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.eval.ExampleFiles;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The assistant's intent classifier. It trains in the background at startup, so the service is live at once and
 * ready (health) as soon as the model is; consumers that arrive earlier wait for it.
 */
@ApplicationScoped
public class IntentModel {

    private final NluConfig config;
    private final CompletableFuture<IntentClassifier> classifier = new CompletableFuture<>();

    public IntentModel(NluConfig config) {
        this.config = config;
    }

    void trainOnStart(@Observes StartupEvent startup) {
        Thread training = new Thread(this::train, "nlu-training");
        training.setDaemon(true);
        training.start();
    }

    /** The trained classifier, or empty while training (or if training failed). */
    public Optional<IntentClassifier> ifReady() {
        return classifier.isDone() && !classifier.isCompletedExceptionally()
                ? Optional.of(classifier.join())
                : Optional.empty();
    }

    /** Blocks until the classifier is trained; call from worker threads only. */
    public IntentClassifier awaitReady() {
        return classifier.join();
    }

    private void train() {
        try {
            long start = System.nanoTime();
            List<Example> examples = ExampleFiles.parseJsonl(readResource(), config.trainingResource());
            IntentClassifier trained = IntentClassifier.train(examples,
                    new SentenceEncoder(SentenceEncoder.Kind.fromId(config.encoder())), ClassifierSettings.defaults());
            Log.infof("Trained NLU model %s on %d examples of %d intents in %.1f s", trained.version(),
                    examples.size(), trained.intents().size(), (System.nanoTime() - start) / 1e9);
            classifier.complete(trained);
        } catch (RuntimeException e) {
            Log.errorf(e, "Training the NLU model from %s failed", config.trainingResource());
            classifier.completeExceptionally(e);
        }
    }

    private List<String> readResource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(config.trainingResource())) {
            if (in == null) {
                throw new IllegalStateException("No training data at classpath:" + config.trainingResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
