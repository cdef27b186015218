package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.model.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a response in any of its three spellings: one text, a list of variations, or an object with options. */
final class ResponseReader {

    private ResponseReader() {
    }

    static Response read(JsonNode node) {
        if (!node.isObject()) {
            return new Response(variations(node), null, null);
        }
        Map<String, Integer> maxChars = new LinkedHashMap<>();
        node.path("max_chars").fields().forEachRemaining(limit -> maxChars.put(limit.getKey(), limit.getValue().asInt()));
        return new Response(variations(node.get("text")), maxChars, node.path("rephrase").asBoolean(false));
    }

    static List<String> variations(JsonNode text) {
        List<String> variations = new ArrayList<>();
        if (text.isArray()) {
            text.forEach(variation -> variations.add(variation.asText()));
        } else {
            variations.add(text.asText());
        }
        return variations;
    }
}
