package dev.confab.guardrails.output;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The assistant's banned phrases, found whatever their case, accents, punctuation or spacing. */
final class BannedPhrases implements SentenceRail {

    private final List<String> phrases;

    BannedPhrases(List<String> phrases) {
        this.phrases = phrases.stream().map(BannedPhrases::normalise).filter(phrase -> !phrase.isBlank()).toList();
    }

    @Override
    public String name() {
        return "banned_phrase";
    }

    @Override
    public Optional<String> violation(String sentence) {
        String text = " " + normalise(sentence) + " ";
        return phrases.stream()
                .filter(phrase -> text.contains(" " + phrase + " "))
                .findFirst()
                .map(phrase -> "says a banned phrase: \"" + phrase + "\"");
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
