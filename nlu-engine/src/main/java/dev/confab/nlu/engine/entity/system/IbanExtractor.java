package dev.confab.nlu.engine.entity.system;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;
import org.iban4j.IbanUtil;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system entity {@code iban}: account numbers iban4j validates (country format and check digits), normalised to
 * the electronic form without spaces, such as {@code GB82WEST12345698765432}.
 */
public final class IbanExtractor implements EntityExtractor {

    /** A country code and check digits, then groups of letters and digits, possibly followed by ordinary words. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}[A-Za-z0-9]*(?: [A-Za-z0-9]+){0,8}");

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<EntityMatch> matches = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            longestValid(text, matcher.start(), matcher.group()).ifPresent(matches::add);
        }
        return matches;
    }

    /** "GB82 WEST 1234 5698 7654 32 please": the longest run of groups that is a valid IBAN. */
    private static Optional<EntityMatch> longestValid(String text, int start, String candidate) {
        String[] groups = candidate.split(" ");
        for (int count = groups.length; count > 0; count--) {
            String written = String.join(" ", Arrays.copyOf(groups, count));
            String electronic = written.replace(" ", "").toUpperCase(Locale.ROOT);
            if (electronic.length() >= 15 && electronic.length() <= 34 && IbanUtil.isValid(electronic)) {
                return Optional.of(EntityMatch.of(text, "iban", electronic, start,
                        start + written.length(), EntitySource.RULE, 1.0));
            }
        }
        return Optional.empty();
    }
}
