package dev.confab.nlu.engine.entity.temporal;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.AtDateTime;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.AtTime;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.DateRange;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.OnDate;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.TimeRange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The system entities {@code date}, {@code time}, {@code datetime}, {@code date_period} and {@code time_period},
 * resolved against the moment the user spoke. A small grammar over {@code java.time}: the Java date parsers
 * measured on NLU++ (natty, prettytime-nlp, hawking) missed clock phrases such as "25 to 7 p.m.", crashed on
 * "summer" or took 10–20 ms an utterance (docs/benchmarks.md).
 */
public final class TemporalExtractor implements EntityExtractor {

    /** Grammar matches are certain about the words, less about intent ("at 3" could mean 03:00). */
    private static final double CONFIDENCE = 0.9;
    private static final Pattern RANGE_START = Pattern.compile("(?i)(?:from|between)\\s+$");
    private static final Pattern RANGE_JOIN = Pattern.compile("(?i)\\s*(?:-|–|to|until|till|through|thru)\\s*");
    private static final Pattern BETWEEN_JOIN = Pattern.compile("(?i)\\s+and\\s+");
    private static final Pattern DATE_TIME_JOIN = Pattern.compile("(?i)\\s*(?:,|at|@|on|by)?\\s*");

    private final List<TemporalRule> rules = Stream.of(ClockRules.rules(), DateRules.rules(), PeriodRules.rules())
            .flatMap(List::stream)
            .toList();

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<Found> found = combine(text, longestFirst(candidates(text, now)), now);
        return found.stream()
                .map(f -> EntityMatch.of(text, f.value().entity(), f.value().normalised(), f.start(), f.end(),
                        EntitySource.RULE, CONFIDENCE))
                .toList();
    }

    private List<Found> candidates(String text, ZonedDateTime now) {
        List<Found> candidates = new ArrayList<>();
        for (TemporalRule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                rule.resolver().apply(matcher, now)
                        .ifPresent(value -> candidates.add(new Found(value, start, end)));
            }
        }
        return candidates;
    }

    /** Where matches overlap the longest wins: "the 20th of July 1992" beats "the 20th" and "July 1992". */
    private static List<Found> longestFirst(List<Found> candidates) {
        List<Found> chosen = new ArrayList<>();
        candidates.stream()
                .sorted(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()
                        .thenComparingInt(Found::start))
                .filter(candidate -> chosen.stream().noneMatch(c -> c.start() < candidate.end()
                        && candidate.start() < c.end()))
                .forEach(chosen::add);
        chosen.sort(Comparator.comparingInt(Found::start));
        return chosen;
    }

    /** Joins neighbours into one value: "from monday to friday", "between 9 and 5", "tomorrow at 3pm". */
    private static List<Found> combine(String text, List<Found> found, ZonedDateTime now) {
        List<Found> combined = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found current = found.get(i);
            Optional<Found> joined = i + 1 < found.size() ? join(text, current, found.get(i + 1), now) : Optional.empty();
            if (joined.isPresent()) {
                combined.add(joined.get());
                i++;
            } else {
                combined.add(current);
            }
        }
        return combined;
    }

    private static Optional<Found> join(String text, Found first, Found second, ZonedDateTime now) {
        String gap = text.substring(first.end(), second.start());
        TemporalValue a = first.value();
        TemporalValue b = second.value();
        boolean opened = RANGE_START.matcher(text.substring(0, first.start())).find();
        boolean ranged = RANGE_JOIN.matcher(gap).matches() || (opened && BETWEEN_JOIN.matcher(gap).matches());
        Optional<TemporalValue> value = Optional.empty();
        if (ranged && a instanceof OnDate from && b instanceof OnDate to) {
            // "friday" resolves to the next one, which may come before "monday": a range runs forward.
            LocalDate end = to.date().isBefore(from.date()) ? to.date().plusWeeks(1) : to.date();
            value = end.isBefore(from.date()) ? value : Optional.of(new DateRange(from.date(), end));
        } else if (ranged && a instanceof AtTime from && b instanceof AtTime to) {
            LocalDateTime start = now.toLocalDate().atTime(from.time());
            LocalDateTime end = now.toLocalDate().atTime(to.time());
            value = Optional.of(new TimeRange(start, end.isAfter(start) ? end : end.plusDays(1)));
        } else if (DATE_TIME_JOIN.matcher(gap).matches() && a instanceof OnDate date && b instanceof AtTime time) {
            value = Optional.of(new AtDateTime(date.date().atTime(time.time())));
        } else if (DATE_TIME_JOIN.matcher(gap).matches() && a instanceof AtTime time && b instanceof OnDate date) {
            value = Optional.of(new AtDateTime(date.date().atTime(time.time())));
        }
        return value.map(v -> new Found(v, first.start(), second.end()));
    }

    /** A resolved match and its span. */
    private record Found(TemporalValue value, int start, int end) {
    }
}
