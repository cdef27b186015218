package dev.confab.nlu.engine.entity.system;

import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The system entity {@code email}, normalised to lower case (mail systems treat addresses case-insensitively). */
public final class EmailExtractor implements EntityExtractor {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[\\w.+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63})*\\.\\p{L}{2,24}(?![\\w-])");

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        return EMAIL.matcher(text).results()
                .map(match -> EntityMatch.of(text, "email", match.group().toLowerCase(Locale.ROOT), match.start(),
                        match.end(), EntitySource.RULE, 1.0))
                .toList();
    }
}
