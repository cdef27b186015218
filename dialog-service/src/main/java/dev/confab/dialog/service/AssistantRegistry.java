package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.dialog.config.DialogConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The assistant bundles dialog serves, per tenant and assistant: the newest valid release answers new
 * conversations, older ones stay loaded so conversations in flight finish on the version they started with, and an
 * invalid release is rejected — with every problem recorded — while the previous one keeps serving.
 */
@ApplicationScoped
public class AssistantRegistry {

    private static final String DEFAULT_ASSISTANT = "default-assistant/assistant.yaml";

    private final DialogConfig config;
    private final MeterRegistry meters;
    private final Map<String, Versions> assistants = new ConcurrentHashMap<>();
    private final AssistantBundle fallback = BundleLoader.load(Map.of("assistant.yaml", resource(DEFAULT_ASSISTANT)));

    public AssistantRegistry(DialogConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        meters.gaugeMapSize("confab.dialog.assistants", List.of(), assistants);
    }

    /** Loads a release; returns the rejection when it cannot be served. */
    public Optional<BundleRejection> accept(BundleRelease release) {
        Versions versions = assistants.computeIfAbsent(key(release.tenantId(), release.assistantId()),
                key -> new Versions());
        synchronized (versions) {
            AssistantBundle known = versions.loaded.get(release.version());
            if (known != null && versions.digests.get(release.version()).equals(release.digest())) {
                return Optional.empty();
            }
            Loaded loaded = load(release, known != null);
            if (loaded.bundle() == null) {
                BundleRejection rejection = new BundleRejection(release.version(), release.digest(), Instant.now(),
                        loaded.problems());
                versions.rejected = rejection;
                meters.counter("confab.dialog.bundles", "outcome", "rejected").increment();
                Log.warnf("Rejected bundle %s: %s", release.key(), String.join("; ", loaded.problems()));
                return Optional.of(rejection);
            }
            AssistantBundle bundle = loaded.bundle();
            versions.loaded.put(release.version(), bundle);
            versions.digests.put(release.version(), release.digest());
            versions.latest = release.version();
            while (versions.loaded.size() > config.bundleVersionsKept()) {
                String oldest = versions.loaded.keySet().iterator().next();
                versions.loaded.remove(oldest);
                versions.digests.remove(oldest);
            }
            meters.counter("confab.dialog.bundles", "outcome", "accepted").increment();
            Log.infof("Serving bundle %s (%d flows, %d intents)", release.key(), bundle.flows().size(),
                    bundle.intents().size());
            return Optional.empty();
        }
    }

    /**
     * The bundle for a conversation: the version it is pinned to while that is still loaded, else the newest, else a
     * built-in assistant with no flows (knowledge answers, small talk and handoff only).
     */
    public AssistantBundle bundleFor(String tenantId, String assistantId, String pinnedVersion) {
        Versions versions = assistants.get(key(tenantId, assistantId));
        if (versions == null) {
            return fallback;
        }
        synchronized (versions) {
            AssistantBundle pinned = pinnedVersion == null ? null : versions.loaded.get(pinnedVersion);
            if (pinned != null) {
                return pinned;
            }
            return versions.latest == null ? fallback : versions.loaded.get(versions.latest);
        }
    }

    /** Whether a bundle is the built-in one used while an assistant has none. */
    public boolean isFallback(AssistantBundle bundle) {
        return bundle == fallback;
    }

    /** What is served for an assistant, if anything was ever released for it. */
    public Optional<AssistantStatus> status(String tenantId, String assistantId) {
        Versions versions = assistants.get(key(tenantId, assistantId));
        if (versions == null) {
            return Optional.empty();
        }
        synchronized (versions) {
            return Optional.of(new AssistantStatus(tenantId, assistantId, versions.latest,
                    new ArrayList<>(versions.loaded.keySet()), versions.rejected));
        }
    }

    private static Loaded load(BundleRelease release, boolean versionExists) {
        if (!release.intact()) {
            return Loaded.rejected("the files do not match the release digest " + release.digest());
        }
        if (versionExists) {
            return Loaded.rejected("version " + release.version() + " was already released with other content; "
                    + "versions are immutable, release a new one");
        }
        try {
            AssistantBundle bundle = BundleLoader.load(release.files());
            if (!bundle.id().equals(release.assistantId())) {
                return Loaded.rejected("the bundle is assistant '" + bundle.id() + "' but was released as '"
                        + release.assistantId() + "'");
            }
            if (!bundle.version().equals(release.version())) {
                return Loaded.rejected("the bundle says version '" + bundle.version() + "' but was released as '"
                        + release.version() + "'");
            }
            return new Loaded(bundle, List.of());
        } catch (InvalidBundleException e) {
            return new Loaded(null, e.problems().stream().map(BundleProblem::toString).toList());
        }
    }

    /** A release loaded into a bundle, or the reasons it could not be. */
    private record Loaded(AssistantBundle bundle, List<String> problems) {
        static Loaded rejected(String problem) {
            return new Loaded(null, List.of(problem));
        }
    }

    private static String key(String tenantId, String assistantId) {
        return tenantId + "/" + assistantId;
    }

    private static String resource(String name) {
        try (InputStream in = AssistantRegistry.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loaded versions of one assistant, oldest first. */
    private static final class Versions {
        final Map<String, AssistantBundle> loaded = new LinkedHashMap<>();
        final Map<String, String> digests = new LinkedHashMap<>();
        String latest;
        BundleRejection rejected;
    }
}
