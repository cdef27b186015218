package dev.confab.guardrails.output;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the persona must never do, checkable sentence by sentence: ask for a detail it must never ask for (a PIN, a
 * password), unless the sentence says it never will; and break character by presenting itself as a language model.
 */
final class PersonaRules implements SentenceRail {

    private static final Pattern ASKING = Pattern.compile("\\?|\\b(send|share|tell|give|enter|type|provide|confirm|"
            + "read out|let me know|reply with|what is|what's|need|please)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUSING = Pattern.compile("\\b(never|not|don't|do not|won't|will not|no one|nobody)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUT_OF_CHARACTER = Pattern.compile("\\b(as an ai( language)? model|i am an ai( language)?"
            + " model|i'm an ai( language)? model|i am (chatgpt|qwen|llama|gemma|mistral|claude|phi)|i'm (chatgpt|qwen|"
            + "llama|gemma|mistral|claude|phi)|(trained|developed|created) by (openai|alibaba|meta|google|anthropic|"
            + "microsoft))\\b", Pattern.CASE_INSENSITIVE);

    private final List<String> neverAskFor;

    PersonaRules(List<String> neverAskFor) {
        this.neverAskFor = neverAskFor.stream().map(item -> item.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String name() {
        return "persona";
    }

    @Override
    public Optional<String> violation(String sentence) {
        if (OUT_OF_CHARACTER.matcher(sentence).find()) {
            return Optional.of("speaks as a language model, not as the persona");
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (!ASKING.matcher(sentence).find() || REFUSING.matcher(sentence).find()) {
            return Optional.empty();
        }
        return neverAskFor.stream()
                .filter(item -> Pattern.compile("\\b" + Pattern.quote(item) + "\\b").matcher(lower).find())
                .findFirst()
                .map(item -> "asks for a " + item + ", which the persona never does");
    }
}
