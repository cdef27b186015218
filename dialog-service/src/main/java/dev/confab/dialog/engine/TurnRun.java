package dev.confab.dialog.engine;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.Response;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.Step;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.dialog.engine.SlotFiller.Candidate;
import dev.confab.dialog.engine.SlotFiller.Reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One run of the engine over a conversation's state: decides which flow or repair pattern handles an input, then
 * runs steps until the bot has to wait — for the user's answer, for knowledge or generation, for an action.
 */
final class TurnRun {

    /** A flow whose branches loop forever stops here rather than hanging the conversation. */
    private static final int MAX_STEPS_PER_RUN = 200;
    private static final Pattern CORRECTION_CUE = Pattern.compile(
            "\\b(no|not|actually|sorry|i meant|i mean|change|instead|wrong|make it|rather|correction)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION_BEFORE = Pattern.compile("\\bnot\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_OPTION = Pattern.compile("\\b(first|1st|former)\\b|^\\s*1\\s*$");
    private static final Pattern SECOND_OPTION = Pattern.compile("\\b(second|2nd|latter|other)\\b|^\\s*2\\s*$");

    private final AssistantBundle bundle;
    private final DialogueState state;
    private final String turnId;
    private final List<Output> outputs = new ArrayList<>();
    private MessageUnderstood message;
    private boolean awaiting;

    TurnRun(AssistantBundle bundle, DialogueState state, String turnId) {
        this.bundle = bundle;
        this.state = state;
        this.turnId = turnId;
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    TurnResult message(MessageUnderstood understood, Instant at) {
        message = understood;
        boolean first = state.userTurns == 0;
        boolean timedOut = state.lastUserTurnAt != null && Duration.between(state.lastUserTurnAt, at)
                .compareTo(Duration.ofMinutes(bundle.assistant().settings().inactivityTimeoutMinutes())) > 0;
        state.userTurns++;
        state.lastUserTurnAt = at;
        if (understood.channel() != null) {
            state.channel = understood.channel();
        }
        if (state.withAgent) {
            return finish();
        }
        String intent = understood.outOfScope() || understood.intents().isEmpty()
                ? null
                : understood.intents().get(0).intent();
        if (timedOut) {
            closeEverything(FlowChange.CANCELLED);
            push(Frame.of("pattern_session_timeout"));
            runStack();
        } else if (first) {
            push(Frame.of("pattern_session_start"));
            runStack();
            if (roleOf(intent) == IntentRole.GREET) {
                return finish();
            }
        }
        Pending pending = state.pending;
        state.pending = null;
        boolean ambiguous = understood.ambiguous();
        if (pending != null && pending.kind() == Pending.Kind.CLARIFICATION) {
            String chosen = choose(pending.options(), intent);
            if (chosen != null) {
                intent = chosen;
                ambiguous = false;
            }
        }
        if (pending != null && pending.kind() == Pending.Kind.HANDOFF_OFFER && answeredOffer(intent)) {
            return finish();
        }
        handle(intent, ambiguous);
        return finish();
    }

    /** Generation has answered from knowledge (or made small talk); the flow that asked goes on. */
    TurnResult knowledgeAnswered() {
        if (resumable(Pending.Kind.KNOWLEDGE)) {
            state.top().step++;
            runStack();
        }
        return finish();
    }

    /** Generation has written what a generate step asked for. */
    TurnResult generated(String text) {
        Pending pending = state.pending;
        if (resumable(Pending.Kind.GENERATION)) {
            // The model's answer is typed like a user's: an answer the slot cannot take leaves it unset.
            Slot slot = pending.slot() == null ? null : bundle.slots().get(pending.slot());
            String value = slot == null ? null : SlotFiller.fromGeneration(slot, text, currency());
            if (value != null) {
                setSlot(pending.slot(), value, false, "generation");
            }
            state.top().step++;
            runStack();
        }
        return finish();
    }

    /** An action has answered ({@code values}: slot → value from its result) or failed. */
    TurnResult actionDone(Map<String, String> values, boolean failed) {
        if (!resumable(Pending.Kind.ACTION)) {
            return finish();
        }
        Frame frame = state.top();
        if (failed) {
            Step.CallAction call = (Step.CallAction) flow(frame).steps().get(frame.step);
            Map<String, String> context = Map.of("flow", describe(frame.flow));
            popFlow(frame, FlowChange.FAILED);
            say(bundle.actions().get(call.action()).onError(), context);
        } else {
            values.forEach((slot, value) -> setSlot(slot, value, false, "action"));
            frame.step++;
        }
        runStack();
        return finish();
    }

    /** The human agent gave the conversation back. */
    TurnResult agentReturned() {
        state.withAgent = false;
        closeEverything(FlowChange.CANCELLED);
        say("handoff_ended", Map.of());
        return finish();
    }

    // ---- deciding what handles a message -----------------------------------------------------------------------

    private void handle(String intent, boolean ambiguous) {
        IntentRole role = roleOf(intent);
        if (role == IntentRole.CANCEL) {
            cancel();
            return;
        }
        if (role == IntentRole.HANDOFF) {
            handOffByPattern("the user asked for a human");
            return;
        }
        if (role == IntentRole.GOODBYE) {
            closeEverything(FlowChange.CANCELLED);
            say("goodbye", Map.of());
            outputs.add(new Output.End(ConversationEnded.Reason.GOODBYE));
            return;
        }
        Frame top = state.top();
        Step.Collect asked = top == null ? null : currentCollect(top);
        if (asked != null && answer(top, asked, intent, role, ambiguous)) {
            return;
        }
        if (correct(role)) {
            return;
        }
        if (role == IntentRole.CHITCHAT || role == IntentRole.GREET) {
            interruptTop();
            chitchat(intent);
            return;
        }
        if (ambiguous && clarify()) {
            return;
        }
        if (intent != null && role == IntentRole.TASK) {
            state.consecutiveFallbacks = 0;
            Optional<Flow> flow = bundle.flowTriggeredBy(intent);
            interruptTop();
            if (flow.isPresent() && !onStack(flow.get().name())) {
                startFlow(flow.get());
            } else if (flow.isEmpty()) {
                push(Frame.of("pattern_knowledge_answer"));
            }
            runStack();
            return;
        }
        if (asked != null) {
            reask(top, asked);
            return;
        }
        cannotHandle();
    }

    /** Tries the message as the answer to the question asked; {@code false} when it is about something else. */
    private boolean answer(Frame frame, Step.Collect asked, String intent, IntentRole role, boolean ambiguous) {
        if (role == IntentRole.SKIP) {
            skip(frame, asked);
            return true;
        }
        Slot slot = bundle.slots().get(asked.slot());
        Optional<String> value = SlotFiller.value(slot, message, role, reading(frame, intent, role, ambiguous),
                currency());
        if (value.isEmpty()) {
            return false;
        }
        if (!SlotFiller.valid(slot, value.get())) {
            invalid(frame, asked, slot);
            return true;
        }
        setSlot(asked.slot(), value.get(), false, "user");
        frame.attempts = 0;
        frame.step++;
        state.consecutiveFallbacks = 0;
        runStack();
        return true;
    }

    /** "No, 50 not 15": a new value for a slot already filled by a flow in progress. */
    private boolean correct(IntentRole role) {
        if (role != IntentRole.DENY && !CORRECTION_CUE.matcher(message.text()).find()) {
            return false;
        }
        for (int f = state.stack.size() - 1; f >= 0; f--) {
            Frame frame = state.stack.get(f);
            if (frame.pattern()) {
                continue;
            }
            List<Step> steps = flow(frame).steps();
            for (int i = Math.min(frame.step, steps.size() - 1); i >= 0; i--) {
                if (steps.get(i) instanceof Step.Collect collect && state.slots.containsKey(collect.slot())) {
                    Optional<String> corrected = correction(collect.slot());
                    if (corrected.isPresent()) {
                        applyCorrection(f, frame, i, collect.slot(), corrected.get());
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Optional<String> correction(String slotName) {
        String current = state.slots.get(slotName);
        return SlotFiller.candidates(bundle.slots().get(slotName), message, null, Reading.CORRECTING, currency())
                .stream()
                .filter(candidate -> !candidate.value().equalsIgnoreCase(current))
                .filter(candidate -> !negated(candidate))
                .map(Candidate::value)
                .findFirst();
    }

    private void applyCorrection(int index, Frame frame, int collectStep, String slot, String value) {
        // Patterns and digressions above the corrected flow are done with; the flow re-runs from the answer.
        while (state.stack.size() > index + 1) {
            Frame above = state.stack.remove(state.stack.size() - 1);
            if (!above.pattern()) {
                outputs.add(new Output.FlowEvent(above.flow, FlowChange.CANCELLED, state.depth()));
            }
        }
        setSlot(slot, value, true, "user");
        frame.step = Math.min(frame.step, collectStep + 1);
        frame.attempts = 0;
        Frame pattern = Frame.of("pattern_correction");
        pattern.context.put("slot", describeSlot(slot));
        pattern.context.put("value", value);
        push(pattern);
        runStack();
    }

    private boolean negated(Candidate candidate) {
        return candidate.start() > 0 && NEGATION_BEFORE.matcher(message.text().substring(0, candidate.start())).find();
    }

    private void cancel() {
        Frame target = null;
        for (int f = state.stack.size() - 1; f >= 0 && target == null; f--) {
            if (!state.stack.get(f).pattern()) {
                target = state.stack.get(f);
            }
        }
        if (target == null) {
            say("nothing_to_cancel", Map.of());
            return;
        }
        String described = describe(target.flow);
        while (state.top() != target) {
            state.stack.remove(state.stack.size() - 1);
        }
        popFlow(target, FlowChange.CANCELLED);
        Frame pattern = Frame.of("pattern_cancel");
        pattern.context.put("flow", described);
        push(pattern);
        runStack();
    }

    private void skip(Frame frame, Step.Collect asked) {
        if (!asked.optional()) {
            say("cannot_skip", Map.of("slot", describeSlot(asked.slot()), "flow", describe(frame.flow)));
            ask(frame, asked);
            return;
        }
        frame.step++;
        frame.attempts = 0;
        push(Frame.of("pattern_skip"));
        runStack();
    }

    private void invalid(Frame frame, Step.Collect asked, Slot slot) {
        if (++frame.attempts > bundle.assistant().settings().maxReasks()) {
            collectFailed(frame, asked);
            return;
        }
        String response = slot.validation() != null && slot.validation().response() != null
                ? slot.validation().response()
                : "invalid_value";
        say(response, Map.of("slot", describeSlot(asked.slot())));
        ask(frame, asked);
    }

    private void reask(Frame frame, Step.Collect asked) {
        if (++frame.attempts > bundle.assistant().settings().maxReasks()) {
            collectFailed(frame, asked);
            return;
        }
        ask(frame, asked);
    }

    private void collectFailed(Frame frame, Step.Collect asked) {
        Frame pattern = Frame.of("pattern_collect_failed");
        pattern.context.put("slot", describeSlot(asked.slot()));
        pattern.context.put("flow", describe(frame.flow));
        popFlow(frame, FlowChange.FAILED);
        push(pattern);
        runStack();
    }

    /** Small talk: the intent's own response, else the role's ({@code greet}), else the SLM within the persona. */
    private void chitchat(String intent) {
        String response = "chitchat_" + intent;
        String byRole = roleOf(intent).name().toLowerCase(Locale.ROOT);
        if (bundle.responses().containsKey(response)) {
            say(response, Map.of());
        } else if (bundle.responses().containsKey(byRole)) {
            say(byRole, Map.of());
        } else {
            push(Frame.of("pattern_chitchat"));
        }
        runStack();
    }

    private boolean clarify() {
        List<String> options = message.intents().stream()
                .map(score -> score.intent())
                .filter(intent -> roleOf(intent) == IntentRole.TASK)
                .limit(2)
                .toList();
        if (options.size() < 2) {
            return false;
        }
        Frame pattern = Frame.of("pattern_clarification");
        pattern.context.put("options", describeIntent(options.get(0)) + " or " + describeIntent(options.get(1)));
        push(pattern);
        runStack();
        state.pending = new Pending(Pending.Kind.CLARIFICATION, turnId, options, null, false);
        return true;
    }

    private String choose(List<String> options, String intent) {
        if (intent != null && options.contains(intent)) {
            return intent;
        }
        String text = message.text().toLowerCase(Locale.ROOT);
        if (FIRST_OPTION.matcher(text).find()) {
            return options.get(0);
        }
        if (SECOND_OPTION.matcher(text).find()) {
            return options.get(1);
        }
        return null;
    }

    private void cannotHandle() {
        if (++state.consecutiveFallbacks >= bundle.assistant().settings().fallbacksBeforeHandoff()) {
            say("handoff_offer", Map.of());
            state.pending = Pending.of(Pending.Kind.HANDOFF_OFFER, turnId);
            return;
        }
        interruptTop();
        push(Frame.of("pattern_cannot_handle"));
        runStack();
    }

    /** Whether the message answered the offer of a human; a message about something else is handled as usual. */
    private boolean answeredOffer(String intent) {
        IntentRole role = roleOf(intent);
        if (role == IntentRole.AFFIRM) {
            handOffByPattern("the assistant could not help and the user accepted a human");
            return true;
        }
        if (role == IntentRole.DENY) {
            state.consecutiveFallbacks = 0;
            say("handoff_declined", Map.of());
            runStack();
            return true;
        }
        return false;
    }

    private void handOffByPattern(String reason) {
        Frame pattern = Frame.of("pattern_handoff");
        pattern.context.put("reason", reason);
        push(pattern);
        runStack();
    }

    // ---- running steps -----------------------------------------------------------------------------------------

    private void runStack() {
        int steps = 0;
        while (!awaiting && !state.withAgent && state.top() != null) {
            Frame frame = state.top();
            Flow flow = bundle.flows().get(frame.flow);
            if (flow == null || ++steps > MAX_STEPS_PER_RUN) {
                popFlow(frame, FlowChange.FAILED);
                continue;
            }
            if (frame.interrupted) {
                resume(frame);
                continue;
            }
            if (frame.step >= flow.steps().size()) {
                popFlow(frame, FlowChange.COMPLETED);
                continue;
            }
            if (run(frame, flow.steps().get(frame.step))) {
                return;
            }
        }
    }

    /** Runs one step; {@code true} when the bot now waits. */
    private boolean run(Frame frame, Step step) {
        if (step instanceof Step.Collect collect) {
            if (state.slots.containsKey(collect.slot())) {
                frame.step++;
                return false;
            }
            ask(frame, collect);
            return true;
        }
        if (step instanceof Step.SetSlots set) {
            set.values().forEach((slot, value) -> setSlot(slot, value == null ? null : value.toString(), false, "flow"));
        } else if (step instanceof Step.Branch branch) {
            jump(frame, branch);
            return false;
        } else if (step instanceof Step.Respond respond) {
            say(respond.response(), frame.context);
        } else if (step instanceof Step.CallAction call) {
            Map<String, String> values = new LinkedHashMap<>();
            bundle.actions().get(call.action()).send().forEach(slot -> values.put(slot, state.slots.get(slot)));
            outputs.add(new Output.CallAction(call.action(), values));
            return await(Pending.of(Pending.Kind.ACTION, turnId));
        } else if (step instanceof Step.Generate generate) {
            String instructions = render(generate.prompt(), frame.context);
            if (generate.slot() != null) {
                instructions += " " + SlotFiller.answerFormat(bundle.slots().get(generate.slot()));
            }
            outputs.add(new Output.Generate(generate.slot() == null ? GenerationTask.SMALL_TALK : GenerationTask.CLASSIFY,
                    instructions, generate.slot()));
            return await(new Pending(Pending.Kind.GENERATION, turnId, List.of(), generate.slot(), false));
        } else if (step instanceof Step.SearchKnowledge search) {
            String query = search.query() == null ? lastUserText() : render(search.query(), frame.context);
            boolean smallTalk = "pattern_cannot_handle".equals(frame.flow);
            outputs.add(new Output.SearchKnowledge(query, smallTalk));
            return await(new Pending(Pending.Kind.KNOWLEDGE, turnId, List.of(), null, smallTalk));
        } else if (step instanceof Step.Link link) {
            popFlow(frame, FlowChange.COMPLETED);
            startFlow(bundle.flows().get(link.flow()));
            return false;
        } else if (step instanceof Step.Call call) {
            frame.step++;
            startFlow(bundle.flows().get(call.flow()));
            return false;
        } else if (step instanceof Step.Handoff handoff) {
            frame.step++;
            String reason = frame.context.getOrDefault("reason", handoff.reason());
            outputs.add(new Output.HandOff(reason, activeFlowDescription()));
            state.withAgent = true;
            return true;
        }
        frame.step++;
        return false;
    }

    private void jump(Frame frame, Step.Branch branch) {
        for (Step.Case branchCase : branch.cases()) {
            if (branchCase.when() == null || branchCase.when().test(state.slots::get)) {
                frame.step = Step.Case.END.equals(branchCase.target())
                        ? flow(frame).steps().size()
                        : flow(frame).indexOf(branchCase.target()).orElseThrow();
                return;
            }
        }
        frame.step++;
    }

    private void ask(Frame frame, Step.Collect collect) {
        say(collect.ask() == null ? "ask_" + collect.slot() : collect.ask(), frame.context);
    }

    private void resume(Frame frame) {
        frame.interrupted = false;
        outputs.add(new Output.FlowEvent(frame.flow, FlowChange.RESUMED, state.depth()));
        Frame pattern = Frame.of("pattern_resume");
        pattern.context.put("flow", describe(frame.flow));
        push(pattern);
    }

    private boolean await(Pending pending) {
        state.pending = pending;
        awaiting = true;
        return true;
    }

    private boolean resumable(Pending.Kind kind) {
        Pending pending = state.pending;
        // A result for an older turn arrives after the user has moved on: it is said, but resumes nothing.
        if (pending == null || pending.kind() != kind || !pending.turnId().equals(turnId) || state.top() == null) {
            return false;
        }
        state.pending = null;
        return true;
    }

    // ---- stack and slots ---------------------------------------------------------------------------------------

    private void startFlow(Flow flow) {
        Frame frame = Frame.of(flow.name());
        push(frame);
        outputs.add(new Output.FlowEvent(flow.name(), FlowChange.STARTED, state.depth()));
        if (message == null) {
            return;
        }
        // Values given before they are asked for ("block my card ending 1234") are taken now.
        for (Step step : flow.steps()) {
            if (step instanceof Step.Collect collect && !state.slots.containsKey(collect.slot())) {
                Slot slot = bundle.slots().get(collect.slot());
                SlotFiller.value(slot, message, null, Reading.MENTIONED, currency())
                        .filter(value -> SlotFiller.valid(slot, value))
                        .ifPresent(value -> setSlot(collect.slot(), value, false, "user"));
            }
        }
    }

    private void push(Frame frame) {
        state.stack.add(frame);
    }

    private void popFlow(Frame frame, FlowChange change) {
        state.stack.remove(frame);
        if (frame.pattern()) {
            return;
        }
        outputs.add(new Output.FlowEvent(frame.flow, change, state.depth()));
        forgetSlotsOf(frame.flow);
    }

    /** A finished flow's slots are not reused by the next flow, unless a flow still running uses them. */
    private void forgetSlotsOf(String flowName) {
        Set<String> stillNeeded = new HashSet<>();
        state.stack.forEach(other -> stillNeeded.addAll(slotsWrittenBy(other.flow)));
        slotsWrittenBy(flowName).stream()
                .filter(slot -> !stillNeeded.contains(slot) && !bundle.slots().get(slot).remember())
                .forEach(state.slots::remove);
    }

    /** The slots a flow's steps fill: questions, fixed values, action results and generated values. */
    private Set<String> slotsWrittenBy(String flowName) {
        Set<String> slots = new HashSet<>();
        Flow flow = bundle.flows().get(flowName);
        if (flow == null) {
            return slots;
        }
        for (Step step : flow.steps()) {
            if (step instanceof Step.Collect collect) {
                slots.add(collect.slot());
            } else if (step instanceof Step.SetSlots set) {
                slots.addAll(set.values().keySet());
            } else if (step instanceof Step.CallAction call) {
                slots.addAll(bundle.actions().get(call.action()).result().values());
            } else if (step instanceof Step.Generate generate && generate.slot() != null) {
                slots.add(generate.slot());
            }
        }
        return slots;
    }

    private void closeEverything(FlowChange change) {
        while (state.top() != null) {
            popFlow(state.top(), change);
        }
        state.pending = null;
    }

    private void interruptTop() {
        Frame top = state.top();
        if (top != null && !top.pattern() && !top.interrupted) {
            top.interrupted = true;
            outputs.add(new Output.FlowEvent(top.flow, FlowChange.INTERRUPTED, state.depth()));
        }
    }

    private void setSlot(String slot, String value, boolean corrected, String source) {
        String previous = value == null ? state.slots.remove(slot) : state.slots.put(slot, value);
        outputs.add(new Output.SlotChanged(slot, value, previous, corrected, source));
    }

    // ---- saying things -----------------------------------------------------------------------------------------

    private void say(String responseName, Map<String, String> context) {
        Response response = bundle.responses().get(responseName);
        if (response == null) {
            return;
        }
        // Variations take turns, so a question asked again is asked differently.
        int times = state.said.merge(responseName, 1, Integer::sum) - 1;
        String template = response.text().get(times % response.text().size());
        String text = render(template, context);
        Integer limit = state.channel == null ? null : response.maxChars().get(state.channel);
        if (limit != null && text.length() > limit) {
            text = text.substring(0, limit - 1).strip() + "…";
        }
        outputs.add(new Output.Say(text, responseName));
    }

    private String render(String template, Map<String, String> context) {
        return Template.render(template, name -> {
            if (context.containsKey(name)) {
                return context.get(name);
            }
            if ("assistant".equals(name)) {
                return bundle.assistant().name();
            }
            if ("persona".equals(name)) {
                return bundle.assistant().persona().name();
            }
            return state.slots.get(name);
        });
    }

    private String describe(String flowName) {
        Flow flow = bundle.flows().get(flowName);
        return flow == null ? flowName.replace('_', ' ') : flow.description();
    }

    private String describeSlot(String slotName) {
        Slot slot = bundle.slots().get(slotName);
        return slot != null && slot.description() != null ? slot.description() : slotName.replace('_', ' ');
    }

    private String describeIntent(String intent) {
        Optional<Flow> flow = bundle.flowTriggeredBy(intent);
        if (flow.isPresent()) {
            return flow.get().description();
        }
        var definition = bundle.intents().get(intent);
        return definition != null && definition.description() != null
                ? definition.description()
                : intent.replace('_', ' ');
    }

    private String activeFlowDescription() {
        for (int f = state.stack.size() - 1; f >= 0; f--) {
            if (!state.stack.get(f).pattern()) {
                return state.stack.get(f).flow;
            }
        }
        return null;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Step.Collect currentCollect(Frame frame) {
        Flow flow = bundle.flows().get(frame.flow);
        if (flow == null || frame.step >= flow.steps().size()) {
            return null;
        }
        Step step = flow.steps().get(frame.step);
        return step instanceof Step.Collect collect && !state.slots.containsKey(collect.slot()) ? collect : null;
    }

    /**
     * How much of an answer to read into the question asked. Short answers ("£50", "yesterday", "at a cash
     * machine") often look like some other intent to the NLU, so only an unambiguous intent of another flow turns a
     * typed value into a mere mention; anything that is not clearly about this question still fills it with a
     * typed value, but not with the whole text or a yes/no.
     */
    private Reading reading(Frame frame, String intent, IntentRole role, boolean ambiguous) {
        Optional<Flow> other = intent == null ? Optional.empty() : bundle.flowTriggeredBy(intent);
        if (!ambiguous && role == IntentRole.TASK && other.isPresent() && !other.get().name().equals(frame.flow)) {
            return Reading.MENTIONED;
        }
        boolean aboutThisFlow = role == IntentRole.TASK && other.isPresent();
        if (ambiguous || role == IntentRole.CHITCHAT || role == IntentRole.GREET
                || (role == IntentRole.TASK && !aboutThisFlow)) {
            return Reading.CORRECTING;
        }
        return Reading.ASKED;
    }

    private boolean onStack(String flowName) {
        return state.stack.stream().anyMatch(frame -> frame.flow.equals(flowName));
    }

    private Flow flow(Frame frame) {
        return bundle.flows().get(frame.flow);
    }

    private IntentRole roleOf(String intent) {
        return intent == null ? null : bundle.roleOf(intent);
    }

    private String currency() {
        return bundle.assistant().settings().currency();
    }

    private String lastUserText() {
        return message == null ? "" : message.text();
    }

    private TurnResult finish() {
        return new TurnResult(outputs, awaiting);
    }
}
