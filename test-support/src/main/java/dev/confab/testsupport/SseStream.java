package dev.confab.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Parses a complete server-sent event stream the way a browser's EventSource would. */
public record SseStream(List<Event> events) {

    /** One event: its name and JSON data. */
    public record Event(String id, String name, JsonNode data) {
    }

    public static SseStream parse(String body) {
        ObjectMapper json = new ObjectMapper();
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = field(line);
                } else if (line.startsWith("event:")) {
                    name = field(line);
                } else if (line.startsWith("data:")) {
                    data.append(field(line));
                }
            }
            if (!data.isEmpty()) {
                try {
                    events.add(new Event(id, name, json.readTree(data.toString())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new SseStream(events);
    }

    public List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    public List<Event> named(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    private static String field(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
