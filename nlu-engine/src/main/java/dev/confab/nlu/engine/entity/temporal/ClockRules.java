package dev.confab.nlu.engine.entity.temporal;

import dev.confab.nlu.engine.entity.NumberWords;
import dev.confab.nlu.engine.entity.temporal.TemporalValue.AtTime;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

import static dev.confab.nlu.engine.entity.temporal.Lexicon.DAY_PART;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.HOUR;
import static dev.confab.nlu.engine.entity.temporal.Lexicon.MERIDIEM;
import static dev.confab.nlu.engine.entity.temporal.TemporalRule.group;

/** Times of day the way customers write and say them: "18:35", "3pm", "25 to 7 p.m.", "half past four", "noon". */
final class ClockRules {

    private static final String SUFFIX = "(?:\\s*" + MERIDIEM + ")?(?:\\s+" + DAY_PART + ")?";

    private ClockRules() {
    }

    static List<TemporalRule> rules() {
        return List.of(
                TemporalRule.of(HOUR + ":(?<minute>[0-5]\\d)" + SUFFIX, ClockRules::hourMinute),
                TemporalRule.of(HOUR + "\\.(?<minute>[0-5]\\d)\\s*" + MERIDIEM + "(?:\\s+" + DAY_PART + ")?",
                        ClockRules::hourMinute),
                // "9 05 in the morning": two bare numbers are a time only when a meridiem or day part follows.
                TemporalRule.of(HOUR + "\\s(?<minute>[0-5]\\d)(?=\\s*(?:[ap]\\.?\\s?m|(?:in\\s+the\\s+|at\\s+)?"
                        + "(?:morning|afternoon|evening|night|today|tonight|tomorrow)))" + SUFFIX, ClockRules::hourMinute),
                TemporalRule.of("(?<=\\bat\\s)" + HOUR + "\\s(?<minute>[0-5]\\d)", ClockRules::hourMinute),
                // "at 4", "after 10": the span is the hour alone, the preposition belongs to the sentence.
                TemporalRule.of("(?<=\\b(?:at|after|before|by|around|until|till|than)\\s)" + HOUR
                        + "(?![:.,]?\\d|\\s*(?:%|percent|pounds?|dollars?|euros?|[a-z]+s\\b))", ClockRules::hourOnly),
                TemporalRule.of(HOUR + "\\s*" + MERIDIEM + "(?:\\s+" + DAY_PART + ")?", ClockRules::hourOnly),
                TemporalRule.of(HOUR + "\\s*o'?\\s?clock" + SUFFIX, ClockRules::hourOnly),
                TemporalRule.of(HOUR + "\\s+" + DAY_PART, ClockRules::hourOnly),
                TemporalRule.of("(?<offset>half|(?:a\\s+)?quarter|[0-5]?\\d|" + NumberWords.PATTERN
                        + ")(?:\\s+minutes?)?\\s+(?<direction>past|after|to|before|till)\\s+" + HOUR
                        + "(?:\\s*o'?\\s?clock)?" + SUFFIX, ClockRules::relative),
                TemporalRule.of("(?<name>noon|midday|midnight)", (match, now) -> Optional.of(new AtTime(
                        match.group().equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON))));
    }

    private static Optional<TemporalValue> hourMinute(Matcher match, ZonedDateTime now) {
        return Lexicon.clock(group(match, "hour"), Integer.parseInt(group(match, "minute")),
                        group(match, "meridiem"), group(match, "part"))
                .map(AtTime::new);
    }

    private static Optional<TemporalValue> hourOnly(Matcher match, ZonedDateTime now) {
        return Lexicon.clock(group(match, "hour"), 0, group(match, "meridiem"), group(match, "part"))
                .map(AtTime::new);
    }

    /** "25 to 7": minutes before or after the hour. */
    private static Optional<TemporalValue> relative(Matcher match, ZonedDateTime now) {
        String offset = group(match, "offset").toLowerCase(Locale.ROOT);
        int minutes = offset.equals("half") ? 30 : offset.contains("quarter") ? 15
                : NumberWords.parse(offset).orElse(60);
        if (minutes > 59) {
            return Optional.empty();
        }
        boolean before = group(match, "direction").toLowerCase(Locale.ROOT).matches("to|before|till");
        return Lexicon.clock(group(match, "hour"), 0, group(match, "meridiem"), group(match, "part"))
                .map(time -> new AtTime(before ? time.minusMinutes(minutes) : time.plusMinutes(minutes)));
    }
}
