package dev.confab.nlu.service;

import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.ModelCode;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.tagger.SlotExample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key a trained pipeline is stored under: a digest of everything training reads — the intents' examples, the
 * entity definitions, the annotated slot examples — with the encoder, the training settings and the engine's code
 * ({@link ModelCode}). Responses, flows and versions do not change the key: a release that only rewords a reply
 * is not retrained, and one that changes an example always is.
 */
final class TrainingKey {

    private TrainingKey() {
    }

    static String of(List<Example> examples, EntityDefinitions entities, ClassifierSettings settings,
                     String encoder, List<SlotExample> slotExamples) {
        MessageDigest digest = sha256();
        update(digest, "confab-nlu-pipeline/1|" + ModelCode.version() + "|" + encoder + "|" + settings + "|"
                + canonical(entities));
        examples.forEach(example -> update(digest, example.intent() + "\t" + example.text() + "\n"));
        slotExamples.forEach(example -> update(digest, example + "\n"));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    /** The definitions with their maps sorted: {@code Map.copyOf} iterates in an order that differs per JVM. */
    private static String canonical(EntityDefinitions entities) {
        Map<String, Map<String, List<String>>> lookups = new TreeMap<>();
        entities.lookups().forEach((entity, values) -> lookups.put(entity, new TreeMap<>(values)));
        return lookups + "|" + new TreeMap<>(entities.patterns()) + "|" + entities.region();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
