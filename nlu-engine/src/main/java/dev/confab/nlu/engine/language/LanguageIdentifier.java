package dev.confab.nlu.engine.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tells which language an utterance is in, among the languages the assistant expects (Lingua, with only those
 * languages' models loaded: all of them take about a gigabyte of heap). Returns {@code und} when unsure, which
 * short messages like "ok" often are.
 */
public final class LanguageIdentifier {

    public static final String UNDETERMINED = "und";

    /** How far the best language must lead the second before it is reported rather than {@code und}. */
    private static final double MINIMUM_RELATIVE_DISTANCE = 0.1;

    private final LanguageDetector detector;

    /** @param languages ISO 639-1 codes, at least two (one language needs no detector: everything is that) */
    public LanguageIdentifier(List<String> languages) {
        Language[] chosen = languages.stream()
                .map(code -> Language.getByIsoCode639_1(isoCode(code)))
                .toArray(Language[]::new);
        if (chosen.length < 2) {
            throw new IllegalArgumentException("A language detector needs at least two languages, got " + languages);
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(chosen)
                .withMinimumRelativeDistance(MINIMUM_RELATIVE_DISTANCE)
                .withPreloadedLanguageModels()
                .build();
    }

    /** The ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
    public String identify(String text) {
        Language language = detector.detectLanguageOf(text);
        return language == Language.UNKNOWN
                ? UNDETERMINED
                : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    private static IsoCode639_1 isoCode(String code) {
        return Arrays.stream(IsoCode639_1.values())
                .filter(iso -> iso.toString().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an ISO 639-1 language code: " + code));
    }
}
