package dev.confab.guardrails.output;

import dev.confab.guardrails.Embeddings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each sentence of a knowledge answer must be supported by the retrieved passages: every number it states must be
 * in them (a made-up fee is the worst error a bank's assistant can make), and its content words must mostly be in
 * them or the sentence must be close in meaning to one of theirs. Short sentences and honest "I don't know, a
 * colleague can help" sentences need no support.
 */
final class Groundedness implements SentenceRail {

    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,2}]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern NOT_A_CLAIM = Pattern.compile("\\b(don't know|do not know|not sure|can't (say|find|"
            + "confirm|help)|cannot (say|find|confirm|help)|no information|not (covered|mentioned|say)|doesn't say|"
            + "do not say|don't say|colleague|agent|someone from|anything else)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MIN_CLAIM_WORDS = 4;
    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "so",
            "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been",
            "being", "it", "its", "this", "that", "these", "those", "you", "your", "yours", "we", "our", "us", "i",
            "me", "my", "they", "them", "their", "he", "she", "his", "her", "can", "could", "will", "would", "should",
            "may", "might", "must", "do", "does", "did", "have", "has", "had", "not", "no", "yes", "also", "just",
            "only", "any", "all", "some", "there", "here", "what", "which", "who", "when", "where", "how", "about",
            "into", "up", "out", "than", "too", "very", "more", "most", "each", "per", "please", "sure");

    private final Embeddings embeddings;
    private final List<String> passageSentences;
    private final Set<String> sourceStems = new HashSet<>();
    private final Set<String> sourceNumbers = new HashSet<>();
    private final double minOverlap;
    private final double minSimilarity;
    private List<float[]> passageVectors;

    /**
     * @param sources       the passages, and the user's question (whose numbers the answer may repeat)
     * @param minOverlap    the share of a sentence's content words the sources must contain
     * @param minSimilarity the cosine similarity to a source sentence that supports a sentence otherwise
     */
    Groundedness(Embeddings embeddings, List<String> sources, double minOverlap, double minSimilarity) {
        this.embeddings = embeddings;
        this.minOverlap = minOverlap;
        this.minSimilarity = minSimilarity;
        this.passageSentences = new ArrayList<>();
        for (String source : sources) {
            sourceStems.addAll(contentStems(source));
            sourceNumbers.addAll(numbers(source));
            passageSentences.addAll(split(source));
        }
    }

    @Override
    public String name() {
        return "groundedness";
    }

    @Override
    public Optional<String> violation(String sentence) {
        String claim = CITATION.matcher(sentence).replaceAll(" ");
        for (String number : numbers(claim)) {
            if (!sourceNumbers.contains(number)) {
                return Optional.of("states a number (" + number + ") the passages do not");
            }
        }
        List<String> stems = contentStems(claim);
        if (stems.size() < MIN_CLAIM_WORDS || NOT_A_CLAIM.matcher(claim).find()) {
            return Optional.empty();
        }
        double overlap = stems.stream().filter(sourceStems::contains).count() / (double) stems.size();
        if (overlap >= minOverlap) {
            return Optional.empty();
        }
        double similarity = Embeddings.nearest(embeddings.embed(claim), passageVectors()).similarity();
        if (similarity >= minSimilarity) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "not supported by the passages (word overlap %.2f, similarity %.2f)",
                overlap, similarity));
    }

    private List<float[]> passageVectors() {
        if (passageVectors == null) {
            passageVectors = passageSentences.stream().map(embeddings::embed).toList();
        }
        return passageVectors;
    }

    private static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        int from = 0;
        for (int end = Sentences.endOfSentence(text, from); end > 0; end = Sentences.endOfSentence(text, from)) {
            sentences.add(text.substring(from, end).strip());
            from = end;
        }
        if (!text.substring(from).isBlank()) {
            sentences.add(text.substring(from).strip());
        }
        return sentences;
    }

    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group().replace(",", ""));
        }
        return numbers;
    }

    /** Lower-case content words cut to six letters, a crude stem that matches "replacement" with "replace". */
    private static List<String> contentStems(String text) {
        List<String> stems = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (!STOPWORDS.contains(word) && word.length() > 1) {
                stems.add(word.length() > 6 ? word.substring(0, 6) : word);
            }
        }
        return stems;
    }
}
