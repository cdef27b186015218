package dev.confab.nlu.engine.entity.tagger;

import java.util.List;

/** An utterance with its labelled slots, what the tagger learns from. */
public record SlotExample(String text, List<Slot> slots) {

    public SlotExample {
        slots = List.copyOf(slots);
    }
}
