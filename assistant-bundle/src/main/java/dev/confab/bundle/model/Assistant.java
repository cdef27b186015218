package dev.confab.bundle.model;

import java.util.List;

/** Who the assistant is: identity, version, languages, persona and engine settings ({@code assistant:}). */
public record Assistant(String id, String version, String name, List<String> languages, Persona persona,
                        Settings settings) {

    public Assistant {
        languages = languages == null ? List.of("en") : List.copyOf(languages);
        persona = persona == null ? new Persona(name, null, List.of()) : persona;
        settings = settings == null ? Settings.defaults() : settings;
    }
}
