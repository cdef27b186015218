package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.expression.Condition;
import dev.confab.bundle.expression.ConditionSyntaxException;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Step;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a flow's steps, each an object with exactly one kind key ({@code collect}, {@code respond}, ...). */
final class StepReader {

    static final List<String> KINDS = List.of("collect", "set", "branch", "action", "respond", "generate",
            "search_knowledge", "link", "call", "handoff");

    private StepReader() {
    }

    static Flow read(Located flow, List<BundleProblem> problems) {
        JsonNode node = flow.node();
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = node.path("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            Step step = step(stepNodes.get(i), flow, "/steps/" + i, problems);
            if (step != null) {
                steps.add(step);
            }
        }
        List<String> triggers = new ArrayList<>();
        node.path("triggers").forEach(trigger -> triggers.add(trigger.asText()));
        String description = node.path("description").asText(flow.name().replace('_', ' '));
        return new Flow(flow.name(), description, triggers, steps);
    }

    private static Step step(JsonNode node, Located flow, String pointer, List<BundleProblem> problems) {
        List<String> kinds = KINDS.stream().filter(node::has).toList();
        if (kinds.size() != 1) {
            problems.add(flow.problem(pointer, kinds.isEmpty()
                    ? "a step needs one of " + String.join(", ", KINDS)
                    : "a step does one thing, but this one has " + String.join(" and ", kinds)));
            return null;
        }
        String kind = kinds.get(0);
        String id = text(node, "id");
        JsonNode value = node.get(kind);
        List<String> misplaced = new ArrayList<>();
        if (!"collect".equals(kind)) {
            addIf(node, misplaced, "ask", "optional");
        }
        if (!"generate".equals(kind)) {
            addIf(node, misplaced, "into");
        }
        if (!misplaced.isEmpty()) {
            problems.add(flow.problem(pointer + "/" + misplaced.get(0),
                    "'" + misplaced.get(0) + "' does not belong to a '" + kind + "' step"));
        }
        switch (kind) {
            case "collect":
                return new Step.Collect(id, value.asText(), text(node, "ask"), node.path("optional").asBoolean(false));
            case "set":
                return new Step.SetSlots(id, values(value));
            case "branch":
                return new Step.Branch(id, cases(value, flow, pointer + "/branch", problems));
            case "action":
                return new Step.CallAction(id, value.asText());
            case "respond":
                return new Step.Respond(id, value.asText());
            case "generate":
                return new Step.Generate(id, value.asText(), text(node, "into"));
            case "search_knowledge":
                return new Step.SearchKnowledge(id, value.isNull() ? null : value.asText());
            case "link":
                return new Step.Link(id, value.asText());
            case "call":
                return new Step.Call(id, value.asText());
            default:
                return new Step.Handoff(id, value.asText());
        }
    }

    private static List<Step.Case> cases(JsonNode node, Located flow, String pointer, List<BundleProblem> problems) {
        List<Step.Case> cases = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = pointer + "/" + i;
            if (item.has("else")) {
                if (item.has("if") || item.has("goto")) {
                    problems.add(flow.problem(at, "an 'else' case has no 'if' or 'goto'"));
                }
                if (i != node.size() - 1) {
                    problems.add(flow.problem(at, "'else' must be the last case of a branch"));
                }
                cases.add(new Step.Case(null, item.get("else").asText()));
                continue;
            }
            if (!item.has("if") || !item.has("goto")) {
                problems.add(flow.problem(at, "a branch case needs 'if' and 'goto' (or is the final 'else')"));
                continue;
            }
            try {
                cases.add(new Step.Case(Condition.parse(item.get("if").asText()), item.get("goto").asText()));
            } catch (ConditionSyntaxException e) {
                problems.add(flow.problem(at + "/if", "condition '" + item.get("if").asText() + "': " + e.getMessage()));
            }
        }
        return cases;
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> values.put(field.getKey(), scalar(field.getValue())));
        return values;
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return new BigDecimal(value.asText());
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static void addIf(JsonNode node, List<String> found, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                found.add(field);
            }
        }
    }
}
