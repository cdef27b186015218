package dev.confab.bundle.model;

import java.util.List;

/** How the assistant presents itself; generation puts it in every prompt. */
public record Persona(String name, String tone, List<String> rules) {

    public Persona {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
