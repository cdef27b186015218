package dev.confab.nlu.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.nlu.engine.entity.tagger.Slot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads NLU++ folds (PolyAI, CC BY 4.0): a JSON array of {@code {"text", "intents": [...], "slots": {name: {"text",
 * "span": [start, end], ...}}}}; an utterance without intents is out of scope for the domain.
 */
public final class NluppFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NluppFiles() {
    }

    /** One utterance with its intent labels and slots. */
    public record Utterance(String text, Set<String> intents, List<Slot> slots) {
    }

    public static List<Utterance> read(Path fold) {
        try {
            return parse(JSON.readTree(fold.toFile()), fold.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read NLU++ fold " + fold, e);
        }
    }

    /** Parses one fold's JSON text; {@code source} names it in errors. */
    public static List<Utterance> parse(String json, String source) {
        try {
            return parse(JSON.readTree(json), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON", e);
        }
    }

    private static List<Utterance> parse(JsonNode fold, String source) {
        if (!fold.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of utterances");
        }
        List<Utterance> utterances = new ArrayList<>();
        for (JsonNode item : fold) {
            Set<String> intents = new TreeSet<>();
            item.path("intents").forEach(intent -> intents.add(intent.asText()));
            List<Slot> slots = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.path("slots").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> slot = it.next();
                JsonNode span = slot.getValue().path("span");
                if (span.size() != 2) {
                    throw new IllegalArgumentException(source + ": slot " + slot.getKey() + " of \""
                            + item.path("text").asText() + "\" needs \"span\": [start, end]");
                }
                slots.add(new Slot(slot.getKey(), span.get(0).asInt(), span.get(1).asInt()));
            }
            utterances.add(new Utterance(item.path("text").asText(), intents, slots));
        }
        return utterances;
    }
}
