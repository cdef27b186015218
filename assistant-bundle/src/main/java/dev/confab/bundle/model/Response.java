package dev.confab.bundle.model;

import java.util.List;
import java.util.Map;

/**
 * What the assistant says: one of several variations, with {@code {slot}} placeholders.
 *
 * @param text     the variations; one is chosen per turn
 * @param maxChars channel → longest text that channel shows (a voice channel wants it short)
 * @param rephrase whether generation may rephrase it in the persona's voice
 */
public record Response(List<String> text, Map<String, Integer> maxChars, Boolean rephrase) {

    public Response {
        text = List.copyOf(text);
        maxChars = maxChars == null ? Map.of() : Map.copyOf(maxChars);
        rephrase = rephrase != null && rephrase;
    }
}
