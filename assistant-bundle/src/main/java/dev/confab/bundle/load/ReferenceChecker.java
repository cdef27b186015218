package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.expression.DesignerPattern;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.SlotType;
import dev.confab.bundle.model.Step;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Checks that every name a bundle uses is defined: slots, responses, flows, intents, steps, actions, files. */
final class ReferenceChecker {

    /** Values the engine offers to templates besides slots; no slot may take these names. */
    static final Set<String> CONTEXT = Set.of("assistant", "persona", "flow", "slot", "value", "options", "reason");

    static final Set<String> SYSTEM_ENTITIES = Set.of("date", "time", "datetime", "date_period", "time_period",
            "duration", "number", "money", "email", "phone", "card_number", "iban");

    private final Sections sections;
    private final Map<String, Slot> slots;
    private final Map<String, Flow> flows;
    private final Map<String, String> files;
    private final List<BundleProblem> problems;

    ReferenceChecker(Sections sections, Map<String, Slot> slots, Map<String, Flow> flows, Map<String, String> files,
                     List<BundleProblem> problems) {
        this.sections = sections;
        this.slots = slots;
        this.flows = flows;
        this.files = files;
        this.problems = problems;
    }

    void check() {
        checkSlots();
        checkFlows();
        checkResponses();
        checkActions();
        checkEntities();
        for (Located source : sections.knowledge()) {
            if (!files.containsKey(source.name())) {
                problems.add(source.problem("/path", "knowledge file '" + source.name() + "' is not in the bundle"));
            }
        }
    }

    private void checkSlots() {
        Set<String> entities = new HashSet<>(SYSTEM_ENTITIES);
        entities.addAll(sections.entities("lookups").keySet());
        entities.addAll(sections.entities("patterns").keySet());
        entities.addAll(sections.modelEntities());
        slots.forEach((name, slot) -> {
            Located at = sections.named("slots").get(name);
            if (CONTEXT.contains(name)) {
                problems.add(at.problem("slot name '" + name + "' is reserved for templates; choose another"));
            }
            if (slot.type() == SlotType.CATEGORY && slot.values().isEmpty()) {
                problems.add(at.problem("a category slot needs 'values'"));
            }
            slot.fromIntents().forEach((value, intents) -> {
                if (!slot.values().containsKey(value)) {
                    problems.add(at.problem("/from_intents/" + value, "'" + value + "' is not a value of this slot"));
                }
                for (int i = 0; i < intents.size(); i++) {
                    if (!sections.named("intents").containsKey(intents.get(i))) {
                        problems.add(at.problem("/from_intents/" + value + "/" + i, "unknown intent '"
                                + intents.get(i) + "'"));
                    }
                }
            });
            for (int i = 0; i < slot.entities().size(); i++) {
                if (!entities.contains(slot.entities().get(i))) {
                    problems.add(at.problem("/entities/" + i, "unknown entity '" + slot.entities().get(i)
                            + "': not a system entity, lookup, pattern or model entity of this bundle"));
                }
            }
            if (slot.validation() != null) {
                if (slot.validation().pattern() != null) {
                    compiles(slot.validation().pattern(), message -> problems.add(
                            at.problem("/validation/pattern", "invalid pattern: " + message)));
                }
                responseExists(slot.validation().response(), at, "/validation/response");
            }
        });
    }

    private void checkFlows() {
        Map<String, String> triggeredBy = new HashMap<>();
        flows.forEach((name, flow) -> {
            Located at = sections.named("flows").get(name);
            for (int i = 0; i < flow.triggers().size(); i++) {
                String intent = flow.triggers().get(i);
                if (!sections.named("intents").containsKey(intent)) {
                    problems.add(at.problem("/triggers/" + i, "unknown intent '" + intent + "'"));
                }
                String other = triggeredBy.putIfAbsent(intent, name);
                if (other != null) {
                    problems.add(at.problem("/triggers/" + i, "intent '" + intent + "' already starts flow '"
                            + other + "'"));
                }
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < flow.steps().size(); i++) {
                Step step = flow.steps().get(i);
                String pointer = "/steps/" + i;
                if (step.id() != null && !ids.add(step.id())) {
                    problems.add(at.problem(pointer + "/id", "step id '" + step.id() + "' is used twice in this flow"));
                }
                checkStep(flow, step, at, pointer);
            }
        });
    }

    private void checkStep(Flow flow, Step step, Located at, String pointer) {
        if (step instanceof Step.Collect collect) {
            slotExists(collect.slot(), at, pointer + "/collect");
            String ask = collect.ask() == null ? "ask_" + collect.slot() : collect.ask();
            if (!sections.named("responses").containsKey(ask)) {
                problems.add(at.problem(pointer + (collect.ask() == null ? "/collect" : "/ask"),
                        "no response '" + ask + "' to ask for slot '" + collect.slot() + "'"
                                + (collect.ask() == null ? "; add one or name it with 'ask'" : "")));
            }
        } else if (step instanceof Step.SetSlots set) {
            set.values().keySet().forEach(slot -> slotExists(slot, at, pointer + "/set/" + slot));
        } else if (step instanceof Step.Branch branch) {
            for (int c = 0; c < branch.cases().size(); c++) {
                Step.Case branchCase = branch.cases().get(c);
                String casePointer = pointer + "/branch/" + c;
                if (!Step.Case.END.equals(branchCase.target()) && flow.indexOf(branchCase.target()).isEmpty()) {
                    problems.add(at.problem(casePointer, "no step with id '" + branchCase.target()
                            + "' in flow '" + flow.name() + "' (use 'end' to finish the flow)"));
                }
                if (branchCase.when() != null) {
                    branchCase.when().slots().forEach(slot -> slotExists(slot, at, casePointer + "/if"));
                }
            }
        } else if (step instanceof Step.CallAction action) {
            if (!sections.named("actions").containsKey(action.action())) {
                problems.add(at.problem(pointer + "/action", "unknown action '" + action.action() + "'"));
            }
        } else if (step instanceof Step.Respond respond) {
            responseExists(respond.response(), at, pointer + "/respond");
        } else if (step instanceof Step.Generate generate) {
            if (generate.slot() != null) {
                slotExists(generate.slot(), at, pointer + "/into");
            }
            placeholdersExist(generate.prompt(), at, pointer + "/generate");
        } else if (step instanceof Step.SearchKnowledge search) {
            if (search.query() != null) {
                placeholdersExist(search.query(), at, pointer + "/search_knowledge");
            }
        } else if (step instanceof Step.Link link) {
            flowExists(link.flow(), at, pointer + "/link");
        } else if (step instanceof Step.Call call) {
            flowExists(call.flow(), at, pointer + "/call");
        }
    }

    private void checkResponses() {
        sections.named("responses").forEach((name, at) -> {
            JsonNode node = at.node();
            JsonNode text = node.isObject() ? node.get("text") : node;
            String textPointer = node.isObject() ? "/text" : "";
            List<String> variations = ResponseReader.variations(text);
            for (int i = 0; i < variations.size(); i++) {
                String pointer = text.isArray() ? textPointer + "/" + i : textPointer;
                placeholdersExist(variations.get(i), at, pointer);
                String variation = variations.get(i);
                node.path("max_chars").fields().forEachRemaining(limit -> {
                    if (variation.length() > limit.getValue().asInt()) {
                        problems.add(at.problem(pointer, "text has " + variation.length() + " characters; channel '"
                                + limit.getKey() + "' shows at most " + limit.getValue().asInt()));
                    }
                });
            }
        });
    }

    private void checkActions() {
        sections.named("actions").forEach((name, at) -> {
            JsonNode node = at.node();
            for (int i = 0; i < node.path("send").size(); i++) {
                slotExists(node.path("send").get(i).asText(), at, "/send/" + i);
            }
            node.path("result").fields().forEachRemaining(field -> slotExists(field.getValue().asText(), at,
                    "/result/" + YamlDocument.escape(field.getKey())));
            if (node.has("on_error")) {
                responseExists(node.get("on_error").asText(), at, "/on_error");
            }
        });
    }

    private void checkEntities() {
        sections.entities("patterns").forEach((name, at) -> compiles(at.node().asText(),
                message -> problems.add(at.problem("invalid pattern: " + message))));
    }

    private void slotExists(String slot, Located at, String pointer) {
        if (!slots.containsKey(slot)) {
            problems.add(at.problem(pointer, "unknown slot '" + slot + "'"));
        }
    }

    private void responseExists(String response, Located at, String pointer) {
        if (response != null && !sections.named("responses").containsKey(response)) {
            problems.add(at.problem(pointer, "unknown response '" + response + "'"));
        }
    }

    private void flowExists(String flow, Located at, String pointer) {
        if (!flows.containsKey(flow)) {
            problems.add(at.problem(pointer, "unknown flow '" + flow + "'"));
        }
    }

    private void placeholdersExist(String template, Located at, String pointer) {
        for (String name : Template.placeholders(template)) {
            if (!slots.containsKey(name) && !CONTEXT.contains(name)) {
                problems.add(at.problem(pointer, "unknown placeholder '{" + name + "}': not a slot, nor one of "
                        + String.join(", ", CONTEXT.stream().sorted().toList())));
            }
        }
    }

    private static void compiles(String regex, Consumer<String> onError) {
        try {
            DesignerPattern.compile(regex, 0);
        } catch (IllegalArgumentException e) {
            onError.accept(e.getMessage());
        }
    }
}
