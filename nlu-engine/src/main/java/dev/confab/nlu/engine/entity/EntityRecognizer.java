package dev.confab.nlu.engine.entity;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.confab.nlu.engine.entity.system.CardNumberExtractor;
import dev.confab.nlu.engine.entity.system.EmailExtractor;
import dev.confab.nlu.engine.entity.system.IbanExtractor;
import dev.confab.nlu.engine.entity.system.MoneyExtractor;
import dev.confab.nlu.engine.entity.system.NumberExtractor;
import dev.confab.nlu.engine.entity.system.PhoneExtractor;
import dev.confab.nlu.engine.entity.temporal.TemporalExtractor;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds every entity of an utterance: the assistant's lookups and patterns and the system entities. Where spans
 * overlap one reading wins, so a slot is never filled twice from the same words: the longer span ("£12.50" over
 * "12.50", "the 20th of July" over "20th"), then the earlier extractor: the assistant's own definitions before the
 * system ones, and specific system entities before general ones ("at 4" is a time before it is a number).
 */
public final class EntityRecognizer {

    /** In order of preference for equally long spans. */
    private final List<EntityExtractor> extractors;

    private EntityRecognizer(List<EntityExtractor> extractors) {
        this.extractors = extractors;
    }

    /** @throws IllegalArgumentException naming the entity whose pattern does not compile */
    public static EntityRecognizer of(EntityDefinitions definitions) {
        Map<String, Pattern> patterns = definitions.patterns().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> compile(entry.getKey(), entry.getValue())));
        return new EntityRecognizer(List.of(new LookupEntityExtractor(definitions.lookups()),
                new RegexEntityExtractor(patterns), new TemporalExtractor(), new MoneyExtractor(),
                new CardNumberExtractor(), new IbanExtractor(), new EmailExtractor(),
                new PhoneExtractor(definitions.region()), new NumberExtractor()));
    }

    public List<EntityMatch> recognize(String text, ZonedDateTime now) {
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < extractors.size(); rank++) {
            for (EntityMatch match : extractors.get(rank).extract(text, now)) {
                candidates.add(new Candidate(match, rank));
            }
        }
        List<EntityMatch> chosen = new ArrayList<>();
        candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> c.match().length()).reversed()
                        .thenComparingInt(Candidate::rank)
                        .thenComparing(Comparator.comparingDouble((Candidate c) -> c.match().confidence())
                                .reversed()))
                .map(Candidate::match)
                .filter(match -> chosen.stream().noneMatch(match::overlaps))
                .forEach(chosen::add);
        chosen.sort(Comparator.comparingInt(EntityMatch::start));
        return List.copyOf(chosen);
    }

    private static Pattern compile(String entity, String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Entity '" + entity + "' has an invalid pattern: "
                    + e.getDescription(), e);
        }
    }

    /** A match and the rank of the extractor that found it. */
    private record Candidate(EntityMatch match, int rank) {
    }
}
