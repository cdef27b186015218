package dev.confab.nlu.engine.entity.system;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;
import dev.confab.nlu.engine.entity.NumberWords;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system entity {@code money}: an amount with its currency ("£12.50", "40 euros", "USD 1,000", "5k dollars",
 * "fifty quid"),
 * normalised to the amount and the ISO 4217 code, such as {@code 12.50 GBP}. An amount without a currency is only
 * a {@code number}: guessing the currency would put words in the customer's mouth.
 */
public final class MoneyExtractor implements EntityExtractor {

    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("$", "USD"), Map.entry("usd", "USD"), Map.entry("dollar", "USD"), Map.entry("buck", "USD"),
            Map.entry("£", "GBP"), Map.entry("gbp", "GBP"), Map.entry("pound", "GBP"), Map.entry("quid", "GBP"),
            Map.entry("€", "EUR"), Map.entry("eur", "EUR"), Map.entry("euro", "EUR"),
            Map.entry("¥", "JPY"), Map.entry("jpy", "JPY"), Map.entry("yen", "JPY"),
            Map.entry("chf", "CHF"), Map.entry("franc", "CHF"), Map.entry("cad", "CAD"), Map.entry("aud", "AUD"),
            Map.entry("sek", "SEK"), Map.entry("nok", "NOK"), Map.entry("dkk", "DKK"), Map.entry("pln", "PLN"),
            Map.entry("inr", "INR"), Map.entry("rupee", "INR"), Map.entry("cny", "CNY"), Map.entry("yuan", "CNY"));
    private static final String SYMBOL = "(?<symbol>[$£€¥]|usd|gbp|eur|jpy|chf|cad|aud|sek|nok|dkk|pln|inr|cny)";
    private static final String AMOUNT = "(?<amount>" + NumberExtractor.DIGITS + ")\\s?(?<scale>k|m|bn)?";
    private static final String WORD = "(?<word>usd|gbp|eur|jpy|chf|cad|aud|sek|nok|dkk|pln|inr|cny|dollars?|bucks?"
            + "|pounds?|quid|euros?|yen|francs?|rupees?|yuan)";
    private static final Pattern MONEY = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + SYMBOL + "\\s?" + AMOUNT
            + "|" + AMOUNT.replace("<amount>", "<amount2>").replace("<scale>", "<scale2>") + "\\s?" + WORD
            + "|(?<words>" + NumberWords.LARGE_PATTERN + ")\\s+" + WORD.replace("<word>", "<word2>")
            + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<EntityMatch> matches = new ArrayList<>();
        Matcher matcher = MONEY.matcher(text);
        while (matcher.find()) {
            boolean symbolFirst = matcher.group("symbol") != null;
            boolean inWords = matcher.group("words") != null;
            String currency = currency(symbolFirst ? matcher.group("symbol")
                    : inWords ? matcher.group("word2") : matcher.group("word"));
            BigDecimal amount = inWords
                    ? BigDecimal.valueOf(NumberWords.parse(matcher.group("words")).orElseThrow())
                    : amount(symbolFirst ? matcher.group("amount") : matcher.group("amount2"),
                    symbolFirst ? matcher.group("scale") : matcher.group("scale2"));
            matches.add(EntityMatch.of(text, "money", amount.toPlainString() + " " + currency, matcher.start(),
                    matcher.end(), EntitySource.RULE, 1.0));
        }
        return matches;
    }

    private static String currency(String word) {
        String key = word.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        return CURRENCIES.get(key);
    }

    private static BigDecimal amount(String digits, String scale) {
        BigDecimal amount = new BigDecimal(NumberExtractor.plain(digits));
        if (scale == null) {
            return amount;
        }
        int zeros = switch (scale.toLowerCase(Locale.ROOT)) {
            case "k" -> 3;
            case "m" -> 6;
            default -> 9;
        };
        return amount.movePointRight(zeros);
    }
}
