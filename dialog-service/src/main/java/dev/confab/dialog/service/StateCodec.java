package dev.confab.dialog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.confab.dialog.engine.DialogueState;

/** Reads and writes the dialogue-state snapshot stored with each conversation. */
final class StateCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A snapshot written by a newer build must not stop an older one from reading the rest.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateCodec() {
    }

    static DialogueState read(String json) {
        if (json == null) {
            return new DialogueState();
        }
        try {
            return MAPPER.readValue(json, DialogueState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dialogue state snapshot", e);
        }
    }

    static String write(DialogueState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the dialogue state snapshot", e);
        }
    }
}
