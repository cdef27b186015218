package dev.confab.guardrails.input;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.system.CardNumberExtractor;
import dev.confab.nlu.engine.entity.system.EmailExtractor;
import dev.confab.nlu.engine.entity.system.IbanExtractor;
import dev.confab.nlu.engine.entity.system.PhoneExtractor;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds personal data in text with the NLU's own system-entity extractors (e-mail addresses, phone numbers through
 * libphonenumber, IBANs with their checksum, card numbers with Luhn's), so what the NLU calls a phone number and
 * what the guardrail hides are the same thing. Overlaps keep the longest span.
 */
public final class PiiFinder {

    private final List<EntityExtractor> extractors;

    /** @param phoneRegion where phone numbers without a country code are from (ISO 3166, such as {@code GB}) */
    public PiiFinder(String phoneRegion) {
        this.extractors = List.of(new EmailExtractor(), new IbanExtractor(), new CardNumberExtractor(),
                new PhoneExtractor(phoneRegion));
    }

    /** The spans of personal data, in text order, none overlapping. */
    public List<EntityMatch> find(String text) {
        List<EntityMatch> found = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now();
        extractors.forEach(extractor -> found.addAll(extractor.extract(text, now)));
        found.sort(Comparator.comparingInt(EntityMatch::length).reversed());
        List<EntityMatch> kept = new ArrayList<>();
        for (EntityMatch match : found) {
            if (kept.stream().noneMatch(match::overlaps)) {
                kept.add(match);
            }
        }
        kept.sort(Comparator.comparingInt(EntityMatch::start));
        return kept;
    }
}
