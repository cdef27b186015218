package dev.confab.nlu.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.nlu.config.NluConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The NLU of every released assistant, one pipeline per tenant and assistant, trained in the background from the
 * bundle's intents and entities when a release arrives. The previous version keeps answering until the new one is
 * trained, so a rollout never pauses understanding; releases are trained one at a time, in the order released.
 */
@ApplicationScoped
public class NluModels {

    private final NluConfig config;
    private final PipelineTrainer trainer;
    private final MeterRegistry meters;
    private final Map<String, Assistant> assistants = new ConcurrentHashMap<>();
    private final AtomicInteger releasesInTraining = new AtomicInteger();
    private final ExecutorService training = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nlu-training");
        thread.setDaemon(true);
        return thread;
    });

    public NluModels(NluConfig config, PipelineTrainer trainer, MeterRegistry meters) {
        this.config = config;
        this.trainer = trainer;
        this.meters = meters;
    }

    /** Trains the release's pipeline unless that version is already served or in training. */
    public void release(BundleRelease release) {
        Assistant assistant = assistant(release.tenantId(), release.assistantId());
        synchronized (assistant) {
            if (release.version().equals(assistant.version) || release.version().equals(assistant.trainingVersion)) {
                return;
            }
            assistant.trainingVersion = release.version();
        }
        releasesInTraining.incrementAndGet();
        training.execute(() -> train(assistant, release));
    }

    /** The assistant's trained pipeline, or empty while its first version trains. */
    public Optional<NluPipeline> ifReady(String tenantId, String assistantId) {
        Assistant assistant = assistants.get(key(tenantId, assistantId));
        return assistant == null ? Optional.empty() : Optional.ofNullable(assistant.pipeline);
    }

    /** The assistant's pipeline. @throws ModelNotReadyException while none is trained */
    public NluPipeline ready(String tenantId, String assistantId) {
        return ifReady(tenantId, assistantId).orElseThrow(ModelNotReadyException::new);
    }

    /**
     * Blocks until the assistant's first version is trained, at most {@code nlu.model-wait}; call from worker
     * threads only. @throws ModelNotReadyException when none is trained by then
     */
    public NluPipeline awaitReady(String tenantId, String assistantId) {
        Assistant assistant = assistant(tenantId, assistantId);
        try {
            assistant.first.get(config.modelWait().toMillis(), TimeUnit.MILLISECONDS);
            return assistant.pipeline;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelNotReadyException();
        } catch (ExecutionException | TimeoutException e) {
            throw new ModelNotReadyException();
        }
    }

    /** Ready when no release is waiting to be trained and at least one assistant can be understood. */
    public Readiness readiness() {
        Map<String, String> versions = new TreeMap<>();
        assistants.forEach((key, assistant) -> {
            if (assistant.version != null) {
                versions.put(key, assistant.version);
            }
        });
        return new Readiness(releasesInTraining.get(), versions);
    }

    void stopTraining(@Observes ShutdownEvent shutdown) {
        training.shutdownNow();
    }

    private void train(Assistant assistant, BundleRelease release) {
        try {
            long start = System.nanoTime();
            AssistantBundle bundle = BundleLoader.load(release.files());
            NluPipeline pipeline = trainer.train(bundle);
            synchronized (assistant) {
                assistant.pipeline = pipeline;
                assistant.version = release.version();
            }
            assistant.first.complete(pipeline);
            meters.counter("confab.nlu.trainings", "outcome", "trained").increment();
            Log.infof("Trained %s: model %s, %d intents, in %.1f s", release.key(), pipeline.classifier().version(),
                    pipeline.classifier().intents().size(), (System.nanoTime() - start) / 1e9);
        } catch (InvalidBundleException e) {
            meters.counter("confab.nlu.trainings", "outcome", "invalid").increment();
            Log.warnf("Not training %s, an invalid bundle: %s", release.key(), e.getMessage());
        } catch (RuntimeException e) {
            meters.counter("confab.nlu.trainings", "outcome", "failed").increment();
            Log.errorf(e, "Training %s failed", release.key());
        } finally {
            synchronized (assistant) {
                if (release.version().equals(assistant.trainingVersion)) {
                    assistant.trainingVersion = null;
                }
            }
            releasesInTraining.decrementAndGet();
        }
    }

    private Assistant assistant(String tenantId, String assistantId) {
        return assistants.computeIfAbsent(key(tenantId, assistantId), key -> new Assistant());
    }

    private static String key(String tenantId, String assistantId) {
        return tenantId + "/" + assistantId;
    }

    /**
     * What the readiness check reports.
     *
     * @param training releases waiting or being trained
     * @param served   tenant/assistant → the version understood now
     */
    public record Readiness(int training, Map<String, String> served) {

        public boolean ready() {
            return training == 0 && !served.isEmpty();
        }
    }

    /** One assistant's served pipeline and the version in training, if any. */
    private static final class Assistant {
        final CompletableFuture<NluPipeline> first = new CompletableFuture<>();
        volatile NluPipeline pipeline;
        volatile String version;
        String trainingVersion;
    }
}
