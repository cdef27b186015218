package dev.confab.guardrails;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.contracts.event.GuardrailPolicy.Topic;
import dev.confab.contracts.event.GuardrailVerdict;
import dev.confab.contracts.event.GuardrailVerdict.Outcome;
import dev.confab.contracts.event.GuardrailVerdict.Stage;
import dev.confab.guardrails.input.InjectionClassifier;
import dev.confab.guardrails.input.InjectionDetector;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;
import dev.confab.guardrails.input.Redaction;
import dev.confab.guardrails.input.Screening;
import dev.confab.guardrails.input.TopicMatcher;
import dev.confab.guardrails.output.OutputMonitor;
import dev.confab.guardrails.output.OutputRails;
import dev.confab.nlu.engine.SentenceEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rail chain an assistant's policy switches on: input rails decide what the model may read (and whether it is
 * asked at all), output rails watch what it writes. Thread-safe; one instance serves every assistant.
 */
public final class Guardrails {

    public static final String PII = "pii";
    public static final String INJECTION = "prompt_injection";
    public static final String DENIED_TOPIC = "denied_topic";
    public static final String ALLOWED_TOPICS = "allowed_topics";

    private final GuardrailSettings settings;
    private final Embeddings embeddings;
    private final PiiFinder pii;
    private final InjectionDetector injections;
    private final TopicMatcher topics;

    public Guardrails(SentenceEncoder encoder, GuardrailSettings settings) {
        this.settings = settings;
        this.embeddings = new Embeddings(encoder);
        this.pii = new PiiFinder(settings.phoneRegion());
        this.injections = new InjectionDetector(embeddings, InjectionClassifier.load(), settings.injectionThreshold());
        this.topics = new TopicMatcher(embeddings, settings.topicThreshold());
    }

    /** The conversation with personal data behind placeholders, when the policy says so: cheap, no encoder. */
    public Redaction redact(GuardrailPolicy policy, List<ChatTurn> history) {
        Placeholders placeholders = new Placeholders(pii);
        if (!policy.redactPii()) {
            return new Redaction(history, placeholders, List.of());
        }
        List<ChatTurn> visible = history.stream()
                .map(turn -> new ChatTurn(turn.speaker(), placeholders.redact(turn.text())))
                .toList();
        boolean found = placeholders.size() > 0;
        return new Redaction(visible, placeholders, List.of(new GuardrailVerdict(PII, Stage.INPUT,
                found ? Outcome.REDACTED : Outcome.PASSED,
                found ? placeholders.size() + " personal details hidden from the model" : null, null)));
    }

    /**
     * Checks the user's latest message: prompt injection, then denied and allowed topics (one encoder pass for
     * all of them).
     *
     * @param userDriven whether the latest message asks for a free answer (answers and small talk), which is what
     *                   these rails guard; a summary or a rephrased template is not
     */
    public Screening screen(GuardrailPolicy policy, List<ChatTurn> history, boolean userDriven) {
        Optional<String> message = lastUserMessage(history);
        if (!userDriven || message.isEmpty()) {
            return new Screening(List.of(), Optional.empty());
        }
        List<GuardrailVerdict> verdicts = new ArrayList<>();
        float[] vector = embeddings.embed(message.get());
        Optional<Screening.Block> block = injection(message.get(), vector, verdicts)
                .or(() -> deniedTopic(vector, policy.deniedTopics(), verdicts))
                .or(() -> outsideTopics(vector, policy.allowedTopics(), verdicts));
        return new Screening(verdicts, block);
    }

    /**
     * The output rails for one answer.
     *
     * @param sources passages the answer must be grounded in (with the user's question), or empty when the answer
     *                is not from knowledge and groundedness does not apply
     */
    public OutputMonitor watch(GuardrailPolicy policy, Redaction redaction, List<String> sources) {
        return OutputRails.monitor(policy, redaction.placeholders(), pii, embeddings, settings, sources, null);
    }

    /**
     * The rails on a rephrasing of {@code template}: each sentence grounded in it, and the whole close to it in
     * meaning.
     */
    public OutputMonitor watchRephrasing(GuardrailPolicy policy, Redaction redaction, String template) {
        return OutputRails.monitor(policy, redaction.placeholders(), pii, embeddings, settings, List.of(template),
                template);
    }

    /** A monitor with no rails, for text the model did not write (a refusal, a fallback). */
    public OutputMonitor unwatched() {
        return OutputRails.none();
    }

    /** The detector on its own, for calibrating and evaluating it. */
    public InjectionDetector injections() {
        return injections;
    }

    /** The topic matcher on its own, for calibrating and evaluating it. */
    public TopicMatcher topics() {
        return topics;
    }

    /** The personal-data finder on its own, for evaluating it. */
    public PiiFinder pii() {
        return pii;
    }

    private Optional<Screening.Block> injection(String message, float[] vector, List<GuardrailVerdict> verdicts) {
        Optional<InjectionDetector.Detection> detection = injections.detect(message, vector);
        verdicts.add(detection
                .map(found -> new GuardrailVerdict(INJECTION, Stage.INPUT, Outcome.BLOCKED, found.reason(), found.score()))
                .orElseGet(() -> new GuardrailVerdict(INJECTION, Stage.INPUT, Outcome.PASSED, null, null)));
        return detection.map(found -> new Screening.Block(INJECTION, found.reason(), null));
    }

    private Optional<Screening.Block> deniedTopic(float[] message, List<Topic> denied, List<GuardrailVerdict> verdicts) {
        if (denied.isEmpty()) {
            return Optional.empty();
        }
        Optional<TopicMatcher.Match> match = topics.denied(message, denied);
        verdicts.add(match
                .map(found -> new GuardrailVerdict(DENIED_TOPIC, Stage.INPUT, Outcome.BLOCKED,
                        "about " + found.topic(), found.similarity()))
                .orElseGet(() -> new GuardrailVerdict(DENIED_TOPIC, Stage.INPUT, Outcome.PASSED, null, null)));
        return match.map(found -> new Screening.Block(DENIED_TOPIC, "about " + found.topic(), found.topic()));
    }

    private Optional<Screening.Block> outsideTopics(float[] message, List<Topic> allowed, List<GuardrailVerdict> verdicts) {
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Optional<TopicMatcher.Match> match = topics.outside(message, allowed);
        verdicts.add(match
                .map(found -> new GuardrailVerdict(ALLOWED_TOPICS, Stage.INPUT, Outcome.BLOCKED,
                        "about none of the allowed topics", found.similarity()))
                .orElseGet(() -> new GuardrailVerdict(ALLOWED_TOPICS, Stage.INPUT, Outcome.PASSED, null, null)));
        return match.map(found -> new Screening.Block(ALLOWED_TOPICS, "about none of the allowed topics", null));
    }

    private static Optional<String> lastUserMessage(List<ChatTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).speaker() == ChatTurn.Speaker.USER) {
                return Optional.of(history.get(i).text());
            }
        }
        return Optional.empty();
    }
}
