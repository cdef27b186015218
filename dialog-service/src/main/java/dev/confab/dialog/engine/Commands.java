package dev.confab.dialog.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.SlotType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SLM as the NLU's fallback: what the model is told about the assistant, the JSON schema its command must
 * follow (the bundle's own flows and slots as enums, sent as Ollama's {@code format}), and the command read back.
 * Reading checks the shape only; whether the assistant can act on it is {@link TurnRun}'s to decide.
 */
final class Commands {

    static final List<String> NAMES = List.of("start_flow", "set_slot", "correct_slot", "cancel_flow", "clarify",
            "knowledge", "chitchat", "human_handoff", "cannot_handle");
    /** Longest value read from the model: a slot answer, never an essay. */
    private static final int MAX_VALUE_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Commands() {
    }

    /** One command as the model wrote it; what it did not give is {@code null}. */
    record Command(String name, String flow, String slot, String value, List<String> options) {

        /** The flow or slot the command names, for the record of the turn. */
        String target() {
            return flow != null ? flow : slot;
        }
    }

    /** Flows a command may start or offer: those the assistant's intents start, not its sub-flows or patterns. */
    static List<Flow> entryFlows(AssistantBundle bundle) {
        return bundle.flows().values().stream()
                .filter(flow -> !flow.isPattern() && !flow.triggers().isEmpty())
                .toList();
    }

    /** The schema of a command over these flows and slots. */
    static String schema(AssistantBundle bundle, Collection<String> slots) {
        ObjectNode properties = JSON.createObjectNode();
        properties.set("command", enumOf(NAMES));
        List<String> flows = entryFlows(bundle).stream().map(Flow::name).toList();
        properties.set("flow", enumOf(flows));
        if (!slots.isEmpty()) {
            properties.set("slot", enumOf(slots));
        }
        properties.set("value", JSON.createObjectNode().put("type", "string").put("maxLength", MAX_VALUE_CHARS));
        ObjectNode options = JSON.createObjectNode().put("type", "array").put("minItems", 2).put("maxItems", 2);
        options.set("items", enumOf(flows));
        properties.set("options", options);
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.set("properties", properties);
        schema.set("required", JSON.createArrayNode().add("command"));
        return schema.toString();
    }

    /** What the model needs to know to choose: the flows, the slots it may fill and where the conversation is. */
    static String instructions(AssistantBundle bundle, Collection<String> slots, Map<String, String> filled,
                               String inProgress, String asked) {
        StringBuilder text = new StringBuilder("Flows:\n");
        entryFlows(bundle).forEach(flow -> text.append("- ").append(flow.name()).append(": ")
                .append(flow.description()).append('\n'));
        if (!slots.isEmpty()) {
            text.append("Slots:\n");
            slots.forEach(name -> text.append("- ").append(name).append(describe(bundle.slots().get(name)))
                    .append(filled.containsKey(name) ? " (now " + filled.get(name) + ")" : "").append('\n'));
        }
        text.append(inProgress == null ? "Nothing is in progress." : "In progress: " + inProgress + ".");
        if (asked != null) {
            text.append(" The assistant has just asked for ").append(asked).append('.');
        }
        return text.toString();
    }

    /** The model's command, or empty when it wrote something else (or nothing in time). */
    static Optional<Command> read(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(answer.strip());
            String name = text(node, "command");
            if (name == null || !NAMES.contains(name)) {
                return Optional.empty();
            }
            List<String> options = new ArrayList<>();
            if (node.path("options") instanceof ArrayNode array) {
                array.forEach(option -> options.add(option.asText()));
            }
            String value = text(node, "value");
            return Optional.of(new Command(name, text(node, "flow"), text(node, "slot"),
                    value == null || value.length() > MAX_VALUE_CHARS ? null : value, List.copyOf(options)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String describe(Slot slot) {
        String type = slot.type().name().toLowerCase(Locale.ROOT);
        String kind = slot.type() == SlotType.CATEGORY ? "one of " + String.join(", ", slot.values().keySet()) : type;
        return " (" + kind + ")" + (slot.description() == null ? "" : ": " + slot.description());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static ObjectNode enumOf(Collection<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return JSON.createObjectNode().set("enum", array);
    }
}
