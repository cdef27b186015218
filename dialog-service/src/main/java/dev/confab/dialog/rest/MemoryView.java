package dev.confab.dialog.rest;

import dev.confab.dialog.UserMemory;
import dev.confab.dialog.service.MemoryService;

import java.util.Map;

/** What the assistant remembers about a user, and whether it may. */
public record MemoryView(boolean consent, Map<String, String> facts) {

    static MemoryView of(UserMemory memory) {
        return new MemoryView(memory.consent, MemoryService.factsOf(memory));
    }

    static MemoryView none() {
        return new MemoryView(false, Map.of());
    }
}
