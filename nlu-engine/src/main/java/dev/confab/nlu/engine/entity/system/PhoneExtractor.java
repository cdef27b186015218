package dev.confab.nlu.engine.entity.system;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The system entity {@code phone}: numbers libphonenumber finds valid for their country, normalised to E.164. A
 * number without a country prefix is read in the assistant's region.
 */
public final class PhoneExtractor implements EntityExtractor {

    /** Bounds libphonenumber's search so a long message of digits cannot take long. */
    private static final long MAX_TRIES = 50;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    /** @param region ISO 3166-1 alpha-2 code, such as {@code GB} */
    public PhoneExtractor(String region) {
        this.region = region;
    }

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        List<EntityMatch> matches = new ArrayList<>();
        for (PhoneNumberMatch match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, MAX_TRIES)) {
            matches.add(EntityMatch.of(text, "phone",
                    phones.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164), match.start(),
                    match.end(), EntitySource.RULE, 0.95));
        }
        return matches;
    }
}
