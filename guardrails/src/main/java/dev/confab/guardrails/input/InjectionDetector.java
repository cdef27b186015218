package dev.confab.guardrails.input;

import dev.confab.guardrails.Embeddings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises attempts to make the model drop its instructions: rules for the known shapes (override the
 * instructions, reveal the prompt, switch persona, fake chat markup, turn off a safeguard, other customers' data),
 * then a classifier over sentence embeddings for the paraphrases rules miss. Both are measured on attacks neither
 * was written or trained on (eval/guardrails/injections-heldout.txt).
 */
public final class InjectionDetector {

    private static final String OBJECTS = "(instructions?|rules|prompts?|directions|guidelines|programming|"
            + "constraints|guardrails|restrictions|polic(y|ies)|context|system message)";

    private static final List<Rule> RULES = List.of(
            new Rule("overrides the instructions", "\\b(ignore|disregard|forget|override|bypass|skip|drop|abandon)\\b"
                    + "[^.?!\\n]{0,40}\\b(previous|prior|above|earlier|preceding|all|any|your|the|these|those|system)\\b"
                    + "[^.?!\\n]{0,25}\\b" + OBJECTS),
            new Rule("asks for the hidden prompt", "\\b(reveal|show|print|repeat|output|display|leak|dump|share|"
                    + "tell me|give me|what (is|are|were))\\b[^.?!\\n]{0,30}\\b(your|hidden|secret|initial|"
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
                    + "(instructions?|rules|system prompt|directives?)\\s*:"),
            new Rule("declares the rules void", "\\b(rules|guidelines|polic(y|ies)|filters?|restrictions|instructions)"
                    + "\\b[^.?!\\n]{0,20}\\b(are|is|were)\\s+(now\\s+)?(void|cancell?ed|off|disabled|lifted|"
                    + "suspended|no longer (valid|apply|in force))"),
            new Rule("asks to turn off a safeguard", "\\b(disable|turn off|switch off|skip|bypass|ignore|remove|"
                    + "without)\\b[^.?!\\n]{0,20}\\b(safety|security|content|identity|fraud)?\\s*(checks?|"
                    + "filters?|verification|data protection|safeguards|guardrails)\\b"),
            new Rule("asks for another customer's data", "\\b(another|other|any|every|all|a different)\\s+"
                    + "(customer|client|person|user)s?'?s?\\s+(balances?|accounts?|cards?|ibans?|pins?|details|data|"
                    + "address(es)?|numbers?|transactions|statements?)\\b|\\b(neighbou?r|colleague|friend|someone "
                    + "else)'s (balance|account|card|iban|pin|details)|\\bwho owns (the )?account\\b"),
            new Rule("reaches for the text before the conversation", "\\b(repeat|paste|quote|print|copy|summari[sz]e|"
                    + "translate|encode|spell out|list|recite)\\b[^.?!\\n]{0,40}\\b(your (prompt|instructions|rules)|"
                    + "(prompt|instructions|rules|text) (above|you were given|before my first message|you received)|"
                    + "rules you were given|what was written before)"),
            new Rule("overrides the instructions in another language", "\\b(ignora|ignoriere|ignorez|oublie|"
                    + "negeer|vergiss|olvida|dimentica)\\b[^.?!\\n]{0,40}\\b(instrucciones|anweisungen|instructions|"
                    + "istruzioni|instructies|regeln|reglas|regole|regels|consignes)\\b"));

    private final Embeddings embeddings;
    private final InjectionClassifier classifier;
    private final double threshold;

    /** @param threshold the classifier's probability from which a message counts as an attack */
    public InjectionDetector(Embeddings embeddings, InjectionClassifier classifier, double threshold) {
        this.embeddings = embeddings;
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /**
     * Why the message looks like an injection, with a score in [0, 1]; empty when it does not.
     *
     * @param vector the message's unit-length embedding, computed once for every rail that needs it
     */
    public Optional<Detection> detect(String message, float[] vector) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(message).find()) {
                return Optional.of(new Detection(rule.reason(), 1.0));
            }
        }
        double probability = classifier.probability(vector);
        return probability >= threshold
                ? Optional.of(new Detection("reads like an attempt to manipulate the assistant", probability))
                : Optional.empty();
    }

    /** Both signals at once, whatever the threshold, for evaluating and calibrating the detector. */
    public Assessment assess(String message) {
        String rule = RULES.stream()
                .filter(candidate -> candidate.pattern().matcher(message).find())
                .map(Rule::reason)
                .findFirst()
                .orElse(null);
        return new Assessment(rule, classifier.probability(embeddings.embed(message)));
    }

    /**
     * What the detector sees in a message.
     *
     * @param rule        the reason of the first rule that matched, or {@code null}
     * @param probability the classifier's probability that the message is an attack
     */
    public record Assessment(String rule, double probability) {

        public boolean flagged(double threshold) {
            return rule != null || probability >= threshold;
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
