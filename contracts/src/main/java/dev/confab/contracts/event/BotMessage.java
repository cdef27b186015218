package dev.confab.contracts.event;

import java.util.List;

/** A bot message recorded in the transcript, on the public stream ({@code bot.message}). */
public record BotMessage(String text, Provenance provenance, List<Citation> citations) implements EventPayload {

    public BotMessage {
        citations = List.copyOf(citations);
    }
}
