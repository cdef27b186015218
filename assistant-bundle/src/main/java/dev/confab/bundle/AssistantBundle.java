package dev.confab.bundle;

import dev.confab.bundle.model.Action;
import dev.confab.bundle.model.Assistant;
import dev.confab.bundle.model.Entities;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Intent;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.KnowledgeSource;
import dev.confab.bundle.model.Response;
import dev.confab.bundle.model.Slot;
import dev.confab.contracts.event.GuardrailPolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, checked assistant definition: every service reads its part of it. Built only by
 * {@link dev.confab.bundle.load.BundleLoader}, so a value of this type is always consistent.
 *
 * @param files the bundle's files as published (path → text), e.g. knowledge documents for retrieval
 */
public record AssistantBundle(Assistant assistant, Map<String, Intent> intents, Entities entities,
                              Map<String, Slot> slots, Map<String, Flow> flows, Map<String, Response> responses,
                              Map<String, Action> actions, List<KnowledgeSource> knowledge, GuardrailPolicy guardrails,
                              Map<String, String> files) {

    public AssistantBundle {
        // In the order the files define them, so training and anything else that walks them is repeatable.
        intents = ordered(intents);
        slots = ordered(slots);
        flows = ordered(flows);
        responses = ordered(responses);
        actions = ordered(actions);
        knowledge = List.copyOf(knowledge);
        files = ordered(files);
    }

    public String id() {
        return assistant.id();
    }

    public String version() {
        return assistant.version();
    }

    /** The flow an intent starts, if any. */
    public Optional<Flow> flowTriggeredBy(String intent) {
        return flows.values().stream()
                .filter(flow -> flow.triggers().contains(intent))
                .findFirst();
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The role of an intent; intents the bundle does not define are tasks. */
    public IntentRole roleOf(String intent) {
        Intent definition = intents.get(intent);
        return definition == null ? IntentRole.TASK : definition.role();
    }
}
