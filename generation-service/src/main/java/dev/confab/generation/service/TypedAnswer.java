package dev.confab.generation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** Reads a typed answer: the model was held to a JSON schema ({@code schemas/classify.json}) through Ollama's format. */
final class TypedAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TypedAnswer() {
    }

    /** The answer's {@code value}, or empty when the model wrote something else. */
    static Optional<String> value(String answer) {
        try {
            JsonNode value = JSON.readTree(answer).path("value");
            return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
