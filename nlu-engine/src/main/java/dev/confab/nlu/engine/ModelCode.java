package dev.confab.nlu.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The version of the code that trains, writes and reads models: a digest of its compiled classes (nested ones
 * included). It is the same for the same sources whichever jar, directory or class loader they come from, and
 * changes with any change to how a model is learned or stored, so a stored model is never read by other code. A
 * native executable keeps no class files to digest: there each start has a version of its own, so models are
 * kept for the run but not reused by the next start.
 */
public final class ModelCode {

    private static final String ENGINE = "dev.confab.nlu.engine.";
    private static final List<String> CLASSES = List.of("Calibration", "ClassifierSettings", "Clauses", "Decisions",
            "IntentClassifier", "IntentFeatures", "LexicalFeatures", "LinearHead", "ModelInput", "ModelOutput",
            "Neighbourhoods", "OutOfFold", "OutOfScopeRule", "SentenceEncoder", "Slips", "Spelling", "StratifiedFolds",
            "TokenizerVocabulary", "Vectors", "entity.tagger.SlotTagger", "entity.tagger.SystemSpans",
            "entity.tagger.TokenFeatures", "entity.tagger.Tokens", "entity.tagger.WordVectors",
            // The slot tagger learns from the system entities found in its examples, so their code counts too.
            "entity.EntityRecognizer", "entity.LookupEntityExtractor", "entity.NumberWords",
            "entity.RegexEntityExtractor", "entity.system.CardNumberExtractor", "entity.system.EmailExtractor",
            "entity.system.IbanExtractor", "entity.system.MoneyExtractor", "entity.system.NumberExtractor",
            "entity.system.PhoneExtractor", "entity.temporal.ClockRules", "entity.temporal.DateRules",
            "entity.temporal.Lexicon", "entity.temporal.PeriodRules", "entity.temporal.TemporalExtractor",
            "entity.temporal.TemporalRule");
    private static final String VERSION = digest();

    private ModelCode() {
    }

    public static String version() {
        return VERSION;
    }

    private static String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : CLASSES) {
                Deque<Class<?>> classes = new ArrayDeque<>(List.of(Class.forName(ENGINE + name, false,
                        ModelCode.class.getClassLoader())));
                while (!classes.isEmpty()) {
                    Class<?> type = classes.pop();
                    byte[] bytes = bytes(type);
                    if (bytes == null) {
                        return "unversioned-" + UUID.randomUUID();
                    }
                    digest.update(bytes);
                    classes.addAll(List.of(type.getDeclaredClasses()));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class file's bytes, or {@code null} where there are none (a native executable). */
    private static byte[] bytes(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = ModelCode.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
