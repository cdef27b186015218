package dev.confab.nlu.service;

import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.ModelInput;
import dev.confab.nlu.engine.ModelOutput;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.entity.tagger.WordVectors;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps trained models on disk (`nlu.model-store`), one file per training key, so a restart does not retrain an
 * assistant whose training data, encoder and engine are unchanged. A file is written whole and then moved into
 * place, so a crash mid-write leaves no half model; one that cannot be read is logged, deleted and retrained.
 */
@ApplicationScoped
public class PipelineStore {

    private static final String SUFFIX = ".model";

    private final Optional<Path> directory;

    public PipelineStore(NluConfig config) {
        this.directory = config.modelStore();
    }

    /** What training produces and the store keeps: the intent classifier and the slot tagger, if any. */
    public record Trained(IntentClassifier classifier, Optional<SlotTagger> slots) {
    }

    /** Where the models of this key are kept, when a store is configured. */
    Optional<Path> fileOf(String key) {
        return directory.map(dir -> dir.resolve(key + SUFFIX));
    }

    /** The models stored under the key, or empty when there are none (or no store is configured). */
    Optional<Trained> load(String key, SentenceEncoder encoder, EntityExtractor system, WordVectors vectors) {
        Optional<Path> file = fileOf(key).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = Files.newInputStream(file.get()); ModelInput in = new ModelInput(stream)) {
            IntentClassifier classifier = IntentClassifier.read(in, encoder);
            Optional<SlotTagger> slots = in.readBoolean()
                    ? Optional.of(SlotTagger.read(in, system, vectors))
                    : Optional.empty();
            Log.infof("Loaded the trained model %s from %s", classifier.version(), file.get());
            return Optional.of(new Trained(classifier, slots));
        } catch (IOException | RuntimeException e) {
            Log.warnf("Stored model %s is unreadable, so it is retrained: %s", file.get(), e.toString());
            delete(file.get());
            return Optional.empty();
        }
    }

    /** Stores the models under the key; a store that cannot be written costs the next start a training, no more. */
    void save(String key, Trained trained) {
        if (directory.isEmpty()) {
            return;
        }
        Path target = fileOf(key).orElseThrow();
        try {
            Files.createDirectories(directory.get());
            Path partial = Files.createTempFile(directory.get(), key, ".partial");
            try (OutputStream stream = Files.newOutputStream(partial); ModelOutput out = new ModelOutput(stream)) {
                trained.classifier().write(out);
                out.writeBoolean(trained.slots().isPresent());
                if (trained.slots().isPresent()) {
                    trained.slots().get().write(out);
                }
            }
            move(partial, target);
        } catch (IOException e) {
            Log.warnf("Could not store the model as %s: %s", target, e.toString());
        }
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("Could not delete %s: %s", file, e.toString());
        }
    }
}
