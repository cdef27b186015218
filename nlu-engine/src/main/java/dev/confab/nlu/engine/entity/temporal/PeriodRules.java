package dev.confab.nlu.engine.entity.temporal;

import dev.confab.nlu.engine.entity.temporal.TemporalValue.DateRange;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.TimeRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import static dev.confab.nlu.engine.entity.temporal.Lexicon.MONTH;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.QUANTITY;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.UNIT;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.YEAR;
import static dev.confab.nlu.engine.entity.temporal.TemporalRule.group;

/**
 * Periods relative to now: "next week", "this quarter", "the last 3 hours", "the past two months", "in January",
 * "this morning", "tomorrow evening", "last night".
 */
final class PeriodRules {

    private static final String PAST = "last|past|previous|preceding";
    /** "May" alone is usually the verb and "2016" a number: after one of these they are periods. */
    private static final String PREPOSITION = "(?:in|during|since|for|of|from|to|until|till|by|before|after|on)";

    private PeriodRules() {
    }

    static List<TemporalRule> rules() {
        return List.of(
                TemporalRule.of("(?:the\\s+)?(?<relation>next|this|last|previous|past|coming|current|following)\\s+"
                        + "(?<unit>week|month|year|quarter|weekend)", PeriodRules::calendarPeriod),
                TemporalRule.of("(?:the\\s+)?(?<relation>" + PAST + "|next|coming|following)\\s+" + QUANTITY
                        + "\\s+" + UNIT, PeriodRules::rolling),
                TemporalRule.of("(?:the\\s+)?(?<relation>" + PAST + "|next|coming|following)\\s+"
                        + "(?<unit>hour|minute)", PeriodRules::rolling),
                TemporalRule.of(MONTH + "\\s+" + YEAR + "|(?<=\\b" + PREPOSITION
                        + "\\s)" + MONTH.replace("month>", "month2>"), PeriodRules::wholeMonth),
                TemporalRule.of("(?<=\\b" + PREPOSITION + "\\s)" + YEAR, PeriodRules::wholeYear),
                TemporalRule.of("(?<anchor>this|today|tomorrow|yesterday|tonight)(?:\\s+(?<part>morning|afternoon"
                        + "|evening|night))?|(?<last>last)\\s+(?<night>night)", PeriodRules::dayPart));
    }

    private static Optional<TemporalValue> calendarPeriod(Matcher match, ZonedDateTime now) {
        String relation = group(match, "relation").toLowerCase(Locale.ROOT);
        int shift = relation.matches("next|coming|following") ? 1 : relation.matches(PAST) ? -1 : 0;
        LocalDate today = now.toLocalDate();
        String unit = group(match, "unit").toLowerCase(Locale.ROOT);
        if (unit.equals("weekend")) {
            LocalDate saturday = shift < 0
                    ? today.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY))
                    : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusWeeks(Math.max(0, shift - 1));
            return Optional.of(new DateRange(saturday, saturday.plusDays(1)));
        }
        if (unit.equals("week")) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
            return Optional.of(new DateRange(monday, monday.plusDays(6)));
        }
        if (unit.equals("month")) {
            YearMonth month = YearMonth.from(today).plusMonths(shift);
            return Optional.of(new DateRange(month.atDay(1), month.atEndOfMonth()));
        }
        if (unit.equals("quarter")) {
            LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3L * shift);
            return Optional.of(new DateRange(first, first.plusMonths(3).minusDays(1)));
        }
        LocalDate first = today.withDayOfYear(1).plusYears(shift);
        return Optional.of(new DateRange(first, first.plusYears(1).minusDays(1)));
    }

    /** "the last 3 hours" ends now; "the next 2 days" starts today. */
    private static Optional<TemporalValue> rolling(Matcher match, ZonedDateTime now) {
        boolean past = group(match, "relation").toLowerCase(Locale.ROOT).matches(PAST);
        ChronoUnit unit = Lexicon.unit(group(match, "unit"));
        int amount = group(match, "quantity") == null ? 1 : Lexicon.quantity(group(match, "quantity"));
        if (unit.getDuration().toDays() >= 1) {
            LocalDate today = now.toLocalDate();
            return Optional.of(past
                    ? new DateRange(today.minus(amount, unit), today)
                    : new DateRange(today, today.plus(amount, unit)));
        }
        LocalDateTime moment = now.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        return Optional.of(past
                ? new TimeRange(moment.minus(amount, unit), moment)
                : new TimeRange(moment, moment.plus(amount, unit)));
    }

    private static Optional<TemporalValue> wholeMonth(Matcher match, ZonedDateTime now) {
        String word = Optional.ofNullable(group(match, "month")).orElse(group(match, "month2"));
        String year = group(match, "year");
        YearMonth month = YearMonth.of(year == null ? now.getYear() : Integer.parseInt(year), Lexicon.month(word));
        return Optional.of(new DateRange(month.atDay(1), month.atEndOfMonth()));
    }

    private static Optional<TemporalValue> wholeYear(Matcher match, ZonedDateTime now) {
        int year = Integer.parseInt(group(match, "year"));
        return Optional.of(new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /** Mornings run 06–12, afternoons 12–18, evenings 18–22 and nights 22–06 (tonight: 18–24). */
    private static Optional<TemporalValue> dayPart(Matcher match, ZonedDateTime now) {
        String anchor = Optional.ofNullable(group(match, "anchor")).orElse("yesterday").toLowerCase(Locale.ROOT);
        String part = Optional.ofNullable(group(match, "part")).or(() -> Optional.ofNullable(group(match, "night"))).map(p -> p.toLowerCase(Locale.ROOT))
                .orElse(anchor.equals("tonight") ? "tonight" : "");
        if (part.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = now.toLocalDate().plusDays(anchor.equals("tomorrow") ? 1 : anchor.equals("yesterday") ? -1 : 0);
        int[] hours = switch (part) {
            case "morning" -> new int[] {6, 12};
            case "afternoon" -> new int[] {12, 18};
            case "evening" -> new int[] {18, 22};
            case "night" -> new int[] {22, 30};
            default -> new int[] {18, 24};
        };
        LocalDateTime start = day.atTime(LocalTime.of(hours[0], 0));
        return Optional.of(new TimeRange(start, start.plusHours(hours[1] - hours[0])));
    }
}
