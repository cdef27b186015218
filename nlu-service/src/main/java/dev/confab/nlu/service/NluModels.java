package dev.confab.nlu.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The NLU of every released assistant, one pipeline per tenant and assistant, trained in the background from the
 * bundle's intents and entities when a release arrives. The previous version keeps answering until the new one is
 * trained, so a rollout never pauses understanding; releases are trained one at a time, in the order released. A
 * training that fails is reported in readiness and tried again later, waiting longer after each failure.
 */
@ApplicationScoped
public class NluModels {

    private final PipelineTrainer trainer;
    private final MeterRegistry meters;
    private final Map<String, Assistant> assistants = new ConcurrentHashMap<>();
    private final AtomicInteger releasesInTraining = new AtomicInteger();
    /** The first retry of a failed training waits this long, each next one twice as long, up to the maximum. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final ExecutorService training = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nlu-training");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "nlu-training-retry");
        thread.setDaemon(true);
        return thread;
    });

    public NluModels(PipelineTrainer trainer, MeterRegistry meters) {
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
            assistant.latest = release.version();
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

    /** Ready when no release is waiting to be trained and at least one assistant can be understood. */
    public Readiness readiness() {
        Map<String, String> versions = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        assistants.forEach((key, assistant) -> {
            if (assistant.version != null) {
                versions.put(key, assistant.version);
            }
            if (assistant.failure != null) {
                failures.put(key, assistant.failure);
            }
        });
        return new Readiness(releasesInTraining.get(), versions, failures);
    }

    void stopTraining(@Observes ShutdownEvent shutdown) {
        training.shutdownNow();
        retries.shutdownNow();
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
            assistant.failure = null;
            assistant.failedAttempts = 0;
            meters.counter("confab.nlu.trainings", "outcome", "trained").increment();
            Log.infof("Ready %s: model %s, %d intents, in %.1f s", release.key(), pipeline.classifier().version(),
                    pipeline.classifier().intents().size(), (System.nanoTime() - start) / 1e9);
        } catch (InvalidBundleException e) {
            meters.counter("confab.nlu.trainings", "outcome", "invalid").increment();
            Log.warnf("Not training %s, an invalid bundle: %s", release.key(), e.getMessage());
        } catch (RuntimeException e) {
            meters.counter("confab.nlu.trainings", "outcome", "failed").increment();
            Duration wait = retryDelay(++assistant.failedAttempts);
            assistant.failure = release.version() + " failed (" + e + "), retrying in " + wait.toSeconds() + " s";
            Log.errorf(e, "Training %s failed; retrying in %d s", release.key(), wait.toSeconds());
            // A newer release since then supersedes this one: the retry never brings back an older version.
            retries.schedule(() -> {
                if (release.version().equals(assistant.latest)) {
                    release(release);
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            synchronized (assistant) {
                if (release.version().equals(assistant.trainingVersion)) {
                    assistant.trainingVersion = null;
                }
            }
            releasesInTraining.decrementAndGet();
        }
    }

    private static Duration retryDelay(int failedAttempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 10));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
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
     * @param failures tenant/assistant → its last training's failure, until a retry succeeds
     */
    public record Readiness(int training, Map<String, String> served, Map<String, String> failures) {

        /** Nothing left to train, something understood, and no assistant left without a model by a failure. */
        public boolean ready() {
            return training == 0 && !served.isEmpty() && served.keySet().containsAll(failures.keySet());
        }
    }

    /** One assistant's served pipeline, the version in training, if any, and its last training's failure. */
    private static final class Assistant {
        volatile NluPipeline pipeline;
        volatile String version;
        String trainingVersion;
        /** The newest version released. */
        volatile String latest;
        volatile String failure;
        int failedAttempts;
    }
}
