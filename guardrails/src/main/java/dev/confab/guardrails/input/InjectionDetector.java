package dev.confab.guardrails.input;

import dev.confab.guardrails.Embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises attempts to make the model drop its instructions: rules for the known shapes (override the
 * instructions, reveal the prompt, switch persona, fake chat markup), then similarity to reference attacks for the
 * paraphrases rules miss. The reference attacks are not the evaluation corpus, which measures the detector on
 * attacks it has not seen.
 */
public final class InjectionDetector {

    private static final String REFERENCES = "dev/confab/guardrails/injection-references.txt";
    private static final String OBJECTS = "(instructions?|rules|prompts?|directions|guidelines|programming|"
            + "constraints|guardrails|restrictions|polic(y|ies)|context|system message)";

    private static final List<Rule> RULES = List.of(
            new Rule("overrides the instructions", "\\b(ignore|disregard|forget|override|bypass|skip|drop|abandon)\\b"
                    + "[^.?!\\n]{0,40}\\b(previous|prior|above|earlier|preceding|all|any|your|the|these|those|system)\\b"
                    + "[^.?!\\n]{0,25}\\b" + OBJECTS),
            new Rule("asks for the hidden prompt", "\\b(reveal|show|print|repeat|output|display|leak|dump|share|"
                    + "tell me|give me|what (is|are|were))\\b[^.?!\\n]{0,30}\\b(your|the|hidden|secret|initial|"
                    + "original|system)\\b[^.?!\\n]{0,20}\\b(system prompt|prompt|instructions|rules|configuration|"
                    + "developer message)"),
            new Rule("switches the assistant's persona", "\\b(you are now|from now on,? you|act as|pretend (to be|"
                    + "you are|that you)|role-?play as|simulate|behave like|you will now be)\\b[^.?!\\n]{0,60}"
                    + "\\b(dan|unfiltered|uncensored|jailbroken|unrestricted|without (any )?(restrictions|limits|"
                    + "filters|rules|guidelines)|no (restrictions|limits|rules|filters)|evil|developer mode)"),
            new Rule("names a jailbreak", "\\b(developer mode|jailbreak|jailbroken|dan mode|do anything now|"
                    + "god mode|sudo mode|unrestricted mode)\\b"),
            new Rule("fakes chat markup", "(</?(system|assistant|instructions?)>|\\[/?inst]|<\\|im_(start|end)\\|>|"
                    + "<<sys>>|^\\s*#{2,}\\s*(system|instruction)|\\bbegin (system|admin) (prompt|message)\\b)"),
            new Rule("announces new instructions", "\\b(new|updated|real|actual|secret|admin|override)\\s+"
                    + "(instructions?|rules|system prompt|directives?)\\s*:"));

    private final Embeddings embeddings;
    private final List<float[]> references;
    private final double threshold;

    /** @param threshold the cosine similarity to a reference attack from which a message counts as one */
    public InjectionDetector(Embeddings embeddings, double threshold) {
        this.embeddings = embeddings;
        this.threshold = threshold;
        this.references = embeddings.embedAll(referenceAttacks());
    }

    /** Why the message looks like an injection, with a score in [0, 1]; empty when it does not. */
    public Optional<Detection> detect(String message) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(message).find()) {
                return Optional.of(new Detection(rule.reason(), 1.0));
            }
        }
        Embeddings.Nearest nearest = Embeddings.nearest(embeddings.embed(message), references);
        return nearest.similarity() >= threshold
                ? Optional.of(new Detection("resembles a known injection", nearest.similarity()))
                : Optional.empty();
    }

    /** Both signals at once, whatever the threshold, for evaluating and calibrating the detector. */
    public Assessment assess(String message) {
        String rule = RULES.stream()
                .filter(candidate -> candidate.pattern().matcher(message).find())
                .map(Rule::reason)
                .findFirst()
                .orElse(null);
        return new Assessment(rule, Embeddings.nearest(embeddings.embed(message), references).similarity());
    }

    private static List<String> referenceAttacks() {
        try (InputStream in = InjectionDetector.class.getClassLoader().getResourceAsStream(REFERENCES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the detector sees in a message.
     *
     * @param rule       the reason of the first rule that matched, or {@code null}
     * @param similarity the highest cosine similarity to a reference attack
     */
    public record Assessment(String rule, double similarity) {

        public boolean flagged(double threshold) {
            return rule != null || similarity >= threshold;
        }
    }

    /** A reason and a score. */
    public record Detection(String reason, double score) {
    }

    private record Rule(String reason, Pattern pattern) {

        Rule(String reason, String regex) {
            this(reason, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));
        }
    }
}
