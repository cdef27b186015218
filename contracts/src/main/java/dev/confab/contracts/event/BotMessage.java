package dev.confab.contracts.event;

import java.util.List;

/**
 * A bot message recorded in the transcript, on the public stream ({@code bot.message}).
 *
 * @param response the bundle response it was rendered from, when it came from a template
 */
public record BotMessage(String text, Provenance provenance, List<Citation> citations, String response)
        implements EventPayload {

    public BotMessage {
        citations = List.copyOf(citations);
    }

    public BotMessage(String text, Provenance provenance, List<Citation> citations) {
        this(text, provenance, citations, null);
    }
}
