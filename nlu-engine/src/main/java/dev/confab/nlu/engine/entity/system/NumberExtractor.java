package dev.confab.nlu.engine.entity.system;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;
import dev.confab.nlu.engine.entity.NumberWords;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system entity {@code number}: integers and decimals in digits ("1,250.5", "-3") or words ("twenty-five",
 * "a hundred").
 */
public final class NumberExtractor implements EntityExtractor {

    /** Digits with optional thousands separators; the boundaries keep "A4" and "v2.1.3" out. */
    static final String DIGITS = "-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}.,-])(?:(?<digits>" + DIGITS
            + ")|(?<words>" + NumberWords.LARGE_PATTERN + "))(?![\\p{L}\\p{N}]|[.,]\\d)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<EntityMatch> matches = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            String value = matcher.group("digits") != null
                    ? plain(matcher.group("digits"))
                    : String.valueOf(NumberWords.parse(matcher.group("words")).orElseThrow());
            matches.add(EntityMatch.of(text, "number", value, matcher.start(), matcher.end(), EntitySource.RULE,
                    matcher.group("digits") != null ? 1.0 : 0.9));
        }
        return matches;
    }

    /** "1,250.50" becomes "1250.50"; the decimals written are kept. */
    static String plain(String digits) {
        return new BigDecimal(digits.replace(",", "")).toPlainString();
    }
}
