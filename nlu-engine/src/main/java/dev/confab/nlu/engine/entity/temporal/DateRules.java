package dev.confab.nlu.engine.entity.temporal;

import dev.confab.nlu.engine.entity.temporal.TemporalValue.AtDateTime;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.Lasting;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.OnDate;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import static dev.confab.nlu.engine.entity.temporal.Lexicon.DAY;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.MONTH;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.QUANTITY;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.UNIT;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.WEEKDAY;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.YEAR;
import static dev.confab.nlu.engine.entity.temporal.TemporalRule.group;

/**
 * Calendar days: "tomorrow", "next friday", "March 3rd", "the 20th of July 1992", "15/03/2022", "in two days",
 * "6 months ago"; and durations ("for 11 years"), which share the quantity-and-unit words. Numeric dates are read day first, as in most of the world outside the United States.
 */
final class DateRules {

    private DateRules() {
    }

    static List<TemporalRule> rules() {
        return List.of(
                TemporalRule.of("(?:the\\s+)?day\\s+(?<direction>after|before)\\s+(?<anchor>tomorrow|yesterday)"
                        + "|(?<anchor2>today|tomorrow|yesterday)", DateRules::namedDay),
                TemporalRule.of("(?:(?<relation>next|this|last|previous|coming|past)\\s+)?" + WEEKDAY,
                        DateRules::weekday),
                TemporalRule.of(MONTH + "\\s+(?:the\\s+)?" + DAY + "(?:,?\\s+" + YEAR + ")?",
                        DateRules::calendarDay),
                TemporalRule.of("(?:the\\s+)?" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + ")?",
                        DateRules::calendarDay),
                TemporalRule.of("(?:the\\s+)?(?<day>[0-3]?\\d)(?:st|nd|rd|th)", DateRules::calendarDay),
                TemporalRule.of(YEAR + "-(?<monthNumber>[01]?\\d)-(?<day>[0-3]?\\d)", DateRules::calendarDay),
                TemporalRule.of("(?<day>[0-3]?\\d)/(?<monthNumber>[01]?\\d)(?:/(?<year>(?:19|20)?\\d\\d))?",
                        DateRules::calendarDay),
                // With dots the year is required: "12.05" alone is a decimal number.
                TemporalRule.of("(?<day>[0-3]?\\d)\\.(?<monthNumber>[01]?\\d)\\.(?<year>(?:19|20)?\\d\\d)",
                        DateRules::calendarDay),
                TemporalRule.of("in\\s+" + QUANTITY + "\\s+" + UNIT, (match, now) -> shifted(match, now, 1)),
                TemporalRule.of(QUANTITY + "\\s+" + UNIT + "\\s+(?:from\\s+(?:now|today)|later|hence)",
                        (match, now) -> shifted(match, now, 1)),
                TemporalRule.of(QUANTITY + "\\s+" + UNIT + "\\s+(?:ago|back|earlier)",
                        (match, now) -> shifted(match, now, -1)),
                TemporalRule.of(QUANTITY + "\\s+" + UNIT, (match, now) -> Optional.of(new Lasting(
                        Lexicon.quantity(group(match, "quantity")), Lexicon.unit(group(match, "unit"))))));
    }

    private static Optional<TemporalValue> namedDay(Matcher match, ZonedDateTime now) {
        String anchor = Optional.ofNullable(group(match, "anchor")).orElse(group(match, "anchor2"))
                .toLowerCase(Locale.ROOT);
        int days = anchor.equals("tomorrow") ? 1 : anchor.equals("yesterday") ? -1 : 0;
        String direction = group(match, "direction");
        if (direction != null) {
            days += direction.equalsIgnoreCase("after") ? 1 : -1;
        }
        return Optional.of(new OnDate(now.toLocalDate().plusDays(days)));
    }

    /** A bare or "this" weekday is the next one from today on; "next" skips today, "last" looks back. */
    private static Optional<TemporalValue> weekday(Matcher match, ZonedDateTime now) {
        DayOfWeek day = Lexicon.weekday(group(match, "weekday"));
        String relation = Optional.ofNullable(group(match, "relation")).orElse("").toLowerCase(Locale.ROOT);
        LocalDate today = now.toLocalDate();
        LocalDate date = relation.matches("last|previous|past")
                ? today.with(TemporalAdjusters.previous(day))
                : relation.equals("next") ? today.with(TemporalAdjusters.next(day))
                : today.with(TemporalAdjusters.nextOrSame(day));
        return Optional.of(new OnDate(date));
    }

    /** Missing month and year are the current ones; two-digit years are this century. */
    private static Optional<TemporalValue> calendarDay(Matcher match, ZonedDateTime now) {
        String month = group(match, "month");
        String monthNumber = group(match, "monthNumber");
        String year = group(match, "year");
        try {
            int monthValue = month != null ? Lexicon.month(month).getValue()
                    : monthNumber != null ? Integer.parseInt(monthNumber) : now.getMonthValue();
            int yearValue = year == null ? now.getYear()
                    : year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
            return Optional.of(new OnDate(LocalDate.of(yearValue, monthValue,
                    Integer.parseInt(group(match, "day")))));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    /** "in 2 days", "3 weeks ago"; hours and minutes give a moment rather than a day. */
    private static Optional<TemporalValue> shifted(Matcher match, ZonedDateTime now, int sign) {
        ChronoUnit unit = Lexicon.unit(group(match, "unit"));
        long amount = (long) sign * Lexicon.quantity(group(match, "quantity"));
        return Optional.of(unit.getDuration().toDays() >= 1
                ? new OnDate(now.toLocalDate().plus(amount, unit))
                : new AtDateTime(now.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plus(amount, unit)));
    }
}
