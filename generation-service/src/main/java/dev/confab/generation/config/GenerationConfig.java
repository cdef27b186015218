package dev.confab.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of answer generation: the sidecar, how long to wait for it, and the model and prompt of each task. */
@ConfigMapping(prefix = "generation")
public interface GenerationConfig {

    Sidecar sidecar();

    /** Longest wait for the first token; a model that has not started by then is treated as down. */
    @WithDefault("3s")
    Duration firstTokenTimeout();

    /** Longest wait between two tokens once the answer has started. */
    @WithDefault("5s")
    Duration interTokenTimeout();

    Retry retry();

    Breaker breaker();

    /** Who the assistant is when the request does not say (its bundle's persona normally does). */
    @WithDefault("You are the customer-support assistant of a bank. Answer politely, briefly and only about banking.")
    String persona();

    /** Per task ({@code answer}, {@code rephrase}, {@code summarize}, {@code classify}, {@code small_talk}). */
    Map<String, TaskSettings> tasks();

    GuardrailConfig guardrails();

    /** The Ollama-compatible sidecar. */
    interface Sidecar {

        /** Where it listens. */
        String baseUrl();

        /** HTTP connect and idle-read timeout; generation's own timeouts are shorter. */
        @WithDefault("60s")
        Duration timeout();

        /** The model tasks use unless they name their own. */
        @WithDefault("qwen2.5:0.5b-instruct")
        String model();

        /** How long the sidecar keeps a model loaded after its last use (Ollama's {@code keep_alive}). */
        @WithDefault("30m")
        String keepAlive();

        /** Requests the sidecar serves at once ({@code OLLAMA_NUM_PARALLEL}): the size of the bulkhead. */
        @WithDefault("4")
        int parallelism();

        /** Requests that may wait for a free slot; beyond that an answer falls back at once. */
        @WithDefault("16")
        int queue();
    }

    /** Retrying a sidecar call that failed before its first token (never after: the user has seen text). */
    interface Retry {

        @WithDefault("1")
        int maxRetries();

        @WithDefault("100ms")
        Duration delay();
    }

    /** The circuit breaker in front of the sidecar. */
    interface Breaker {

        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("8")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before a trial call. */
        @WithDefault("10s")
        Duration delay();
    }

    /** The guardrails' thresholds and what the user is told when one steps in. */
    interface GuardrailConfig {

        /** Where phone numbers without a country code are from (ISO 3166). */
        @WithDefault("GB")
        String phoneRegion();

        /**
         * The injection classifier's probability from which a message is an attack: 0.7 keeps ordinary banking
         * messages refused below 0.2% (docs/benchmarks.md).
         */
        @WithDefault("0.7")
        double injectionThreshold();

        /** Cosine similarity to a topic from which a message is about it. */
        @WithDefault("0.5")
        double topicThreshold();

        /** Share of a sentence's content words the passages must contain for it to count as grounded. */
        @WithDefault("0.6")
        double groundedOverlap();

        /** Cosine similarity to a passage sentence that grounds a sentence with fewer shared words. */
        @WithDefault("0.6")
        double groundedSimilarity();

        /**
         * Cosine similarity to its template a whole rephrasing must have; with the other rails it kept 23 of 24
         * faithful rewordings and retracted 15 of 16 unfaithful ones (docs/benchmarks.md).
         */
        @WithDefault("0.5")
        double rephraseSimilarity();

        /** The answer to a message an input rail blocked. */
        @WithDefault("Sorry, I can't help with that here. Is there anything else about your account I can do?")
        String refusal();

        /** The answer to a message about a denied topic; {@code %s} is the topic. */
        @WithDefault("Sorry, I can't give %s here. Is there anything else about your account I can help with?")
        String topicRefusal();

        /** What follows an answer whose last sentence a rail took back. */
        @WithDefault(" I can't say more about that here, but a colleague can help if you need more.")
        String safeEnding();
    }

    /** The model, prompt file and options of one task. */
    interface TaskSettings {

        /** The model of this task; the sidecar's default model when absent. */
        Optional<String> model();

        /** The prompt template, a file {@code prompts/<name>.txt} whose name carries its version. */
        String prompt();

        @WithDefault("0.3")
        double temperature();

        @WithDefault("0.9")
        double topP();

        /** Most tokens the model may write (Ollama's {@code num_predict}). */
        @WithDefault("256")
        int numPredict();

        /** The model's context window (Ollama's {@code num_ctx}); the prompt is trimmed to fit it. */
        @WithDefault("2048")
        int numCtx();

        Optional<List<String>> stop();

        /** A JSON schema resource the answer must follow (Ollama's {@code format}); free text when absent. */
        Optional<String> schema();

        /**
         * The longest the whole answer may take; what the model has not written by then is not waited for. For a
         * task whose answer the turn waits on, such as reading a command.
         */
        Optional<Duration> budget();
    }
}
