package dev.confab.nlu.engine.entity.system;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The system entity {@code card_number}: 13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn
 * check, normalised to the digits. Without the check every long reference number would be a card.
 */
public final class CardNumberExtractor implements EntityExtractor {

    private static final Pattern CARD = Pattern.compile("(?<![\\p{L}\\p{N}])\\d(?:[ -]?\\d){12,18}(?![\\p{L}\\p{N}])");

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        return CARD.matcher(text).results()
                .filter(match -> luhn(match.group().replaceAll("[ -]", "")))
                .map(match -> EntityMatch.of(text, "card_number", match.group().replaceAll("[ -]", ""),
                        match.start(), match.end(), EntitySource.RULE, 1.0))
                .toList();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
