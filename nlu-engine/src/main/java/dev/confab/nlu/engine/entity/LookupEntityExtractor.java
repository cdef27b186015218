package dev.confab.nlu.engine.entity;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assistant's lookup entities: lists of canonical values with synonyms ("current account" for {@code checking}),
 * matched on word boundaries, case and accents ignored, and forgiving typos: a phrase of six or more letters may be
 * one edit away, of ten or more two ("savigns account"), with the confidence lowered by each edit.
 */
public final class LookupEntityExtractor implements EntityExtractor {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    private static final LevenshteinDistance MAX_TWO_EDITS = new LevenshteinDistance(2);

    private final List<Phrase> phrases = new ArrayList<>();
    private final int longestPhrase;

    /** @param values per entity, per canonical value, its synonyms (the value itself always matches) */
    public LookupEntityExtractor(Map<String, Map<String, List<String>>> values) {
        values.forEach((entity, synonymsByValue) -> synonymsByValue.forEach((value, synonyms) -> {
            phrases.add(new Phrase(entity, value, normalise(value)));
            synonyms.forEach(synonym -> phrases.add(new Phrase(entity, value, normalise(synonym))));
        }));
        longestPhrase = phrases.stream().mapToInt(phrase -> phrase.words().split(" ").length).max().orElse(0);
    }

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<int[]> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new int[] {matcher.start(), matcher.end()});
        }
        List<EntityMatch> matches = new ArrayList<>();
        for (int first = 0; first < words.size(); first++) {
            for (int count = 1; count <= longestPhrase && first + count <= words.size(); count++) {
                int start = words.get(first)[0];
                int end = words.get(first + count - 1)[1];
                String candidate = normalise(text.substring(start, end));
                best(candidate).ifPresent(found -> matches.add(EntityMatch.of(text, found.phrase().entity(),
                        found.phrase().value(), start, end, EntitySource.LOOKUP, found.confidence())));
            }
        }
        return matches;
    }

    private Optional<Scored> best(String candidate) {
        Scored best = null;
        for (Phrase phrase : phrases) {
            int allowed = allowedEdits(phrase.words().length());
            if (Math.abs(phrase.words().length() - candidate.length()) > allowed) {
                continue;
            }
            int edits = allowed == 0 ? (phrase.words().equals(candidate) ? 0 : -1)
                    : MAX_TWO_EDITS.apply(phrase.words(), candidate);
            if (edits >= 0 && edits <= allowed) {
                double confidence = 1.0 - (double) edits / phrase.words().length();
                if (best == null || confidence > best.confidence()) {
                    best = new Scored(phrase, confidence);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int allowedEdits(int length) {
        return length >= 10 ? 2 : length >= 6 ? 1 : 0;
    }

    /** Lower case without accents or repeated spaces: "Épargne  Account" reads as "epargne account". */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("[^\\p{L}\\p{N}'’-]+", " ").trim();
    }

    private record Phrase(String entity, String value, String words) {
    }

    private record Scored(Phrase phrase, double confidence) {
    }
}
