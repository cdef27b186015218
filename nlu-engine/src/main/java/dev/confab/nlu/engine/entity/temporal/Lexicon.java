package dev.confab.nlu.engine.entity.temporal;

import dev.confab.nlu.engine.entity.NumberWords;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The words of the temporal grammar and how they resolve: months, weekdays, units, quantities, clock hours. */
final class Lexicon {

    static final String MONTH = "(?<month>january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    static final String WEEKDAY = "(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?";
    static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
    static final String YEAR = "(?<year>(?:19|20)\\d\\d)";
    static final String QUANTITY = "(?<quantity>\\d{1,3}|" + NumberWords.PATTERN + "|an?|(?:a\\s+)?few"
            + "|(?:a\\s+)?couple(?:\\s+of)?|several)";
    static final String UNIT = "(?<unit>minute|min|hour|hr|day|night|week|month|year)s?";
    static final String HOUR = "(?<hour>[01]?\\d|2[0-4]|" + NumberWords.PATTERN + ")";
    static final String MERIDIEM = "(?<meridiem>[ap]\\.?\\s?m\\.?)(?![\\p{L}])";
    static final String DAY_PART = "(?:in\\s+the\\s+|at\\s+|this\\s+)?(?<part>morning|afternoon|evening|night)";

    private Lexicon() {
    }

    static Month month(String word) {
        String prefix = word.toLowerCase(Locale.ROOT).replace(".", "").substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("Not a month: " + word);
    }

    static DayOfWeek weekday(String word) {
        return DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT).replaceAll("S$", ""));
    }

    static ChronoUnit unit(String word) {
        String unit = word.toLowerCase(Locale.ROOT);
        if (unit.startsWith("min")) {
            return ChronoUnit.MINUTES;
        }
        if (unit.startsWith("h")) {
            return ChronoUnit.HOURS;
        }
        if (unit.startsWith("d") || unit.startsWith("n")) {
            return ChronoUnit.DAYS;
        }
        if (unit.startsWith("w")) {
            return ChronoUnit.WEEKS;
        }
        return unit.startsWith("mo") ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
    }

    /** "a" is one, "a couple of" two and "a few" or "several" three, the way people mean them. */
    static int quantity(String words) {
        String quantity = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (quantity.matches("an?")) {
            return 1;
        }
        if (quantity.contains("couple")) {
            return 2;
        }
        if (quantity.contains("few") || quantity.equals("several")) {
            return 3;
        }
        return NumberWords.parse(quantity).orElseThrow();
    }

    /**
     * The time of day an hour and minute name, moved to the afternoon by "pm" or a day part. Without either, the
     * hour is taken as written ("at 3" is 03:00): guessing the afternoon would be right for some customers and
     * silently wrong for others, and a flow that cares can confirm.
     */
    static Optional<LocalTime> clock(String hourWord, int minute, String meridiem, String dayPart) {
        OptionalInt parsed = NumberWords.parse(hourWord);
        if (parsed.isEmpty() || parsed.getAsInt() > 24 || minute > 59) {
            return Optional.empty();
        }
        int hour = parsed.getAsInt() % 24;
        String part = dayPart == null ? "" : dayPart.toLowerCase(Locale.ROOT);
        boolean afternoon = meridiem != null
                ? meridiem.toLowerCase(Locale.ROOT).startsWith("p")
                : part.equals("afternoon") || part.equals("evening") || (part.equals("night") && hour >= 6);
        if (meridiem != null && hour > 12) {
            return Optional.empty();
        }
        if (afternoon && hour < 12) {
            hour += 12;
        } else if (hour == 12 && (part.equals("night") || (meridiem != null && !afternoon))) {
            hour = 0;
        }
        return Optional.of(LocalTime.of(hour, minute));
    }
}
