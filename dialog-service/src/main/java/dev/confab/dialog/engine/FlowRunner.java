package dev.confab.dialog.engine;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.Response;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.Step;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.dialog.engine.SlotFiller.Reading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the dialogue stack for one turn: executes the active flow's steps until the bot has to wait (for the user's
 * answer, for knowledge or generation, for an action), resumes interrupted flows, keeps slots, and renders what the
 * bot says. {@link TurnRun} decides what a message means; this class carries it out.
 */
final class FlowRunner {

    /** A flow whose branches loop forever stops here rather than hanging the conversation. */
    private static final int MAX_STEPS_PER_RUN = 200;

    private final AssistantBundle bundle;
    private final DialogueState state;
    private final String turnId;
    private final List<Output> outputs = new ArrayList<>();
    private MessageUnderstood message;
    private boolean awaiting;

    FlowRunner(AssistantBundle bundle, DialogueState state, String turnId) {
        this.bundle = bundle;
        this.state = state;
        this.turnId = turnId;
    }

    /** The message of this turn, whose values flows take when they start. */
    void heard(MessageUnderstood understood) {
        message = understood;
    }

    void emit(Output output) {
        outputs.add(output);
    }

    // ---- running steps -----------------------------------------------------------------------------------------

    void runStack() {
        int steps = 0;
        while (!awaiting && !state.withAgent && state.top() != null) {
            Frame frame = state.top();
            Flow flow = bundle.flows().get(frame.flow);
            if (flow == null || ++steps > MAX_STEPS_PER_RUN) {
                popFlow(frame, FlowChange.FAILED);
                continue;
            }
            if (frame.queued) {
                startQueued(frame);
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

    void ask(Frame frame, Step.Collect collect) {
        say(collect.ask() == null ? "ask_" + collect.slot() : collect.ask(), frame.context);
    }

    private void resume(Frame frame) {
        frame.interrupted = false;
        remind(frame, FlowChange.RESUMED, "pattern_resume");
    }

    /** The next request of a message that asked for several things; its values were taken when it was asked. */
    private void startQueued(Frame frame) {
        frame.queued = false;
        remind(frame, FlowChange.STARTED, "pattern_next_request");
    }

    /** A flow comes (back) to the top: its change is recorded and the pattern says which flow it is. */
    private void remind(Frame frame, FlowChange change, String patternName) {
        outputs.add(flowEvent(frame, change));
        Frame pattern = Frame.of(patternName);
        pattern.context.put("flow", describe(frame.flow));
        push(pattern);
    }

    boolean await(Pending pending) {
        state.pending = pending;
        awaiting = true;
        return true;
    }

    /** Whether this turn waited for {@code kind}, which has now come; the wait is over. */
    boolean answered(Pending.Kind kind) {
        Pending pending = state.pending;
        if (pending == null || pending.kind() != kind || !pending.turnId().equals(turnId)) {
            return false;
        }
        state.pending = null;
        return true;
    }

    boolean resumable(Pending.Kind kind) {
        // A result for an older turn arrives after the user has moved on: it is said, but resumes nothing.
        return state.top() != null && answered(kind);
    }

    // ---- stack and slots ---------------------------------------------------------------------------------------

    void startFlow(Flow flow) {
        Frame frame = Frame.of(flow.name());
        push(frame);
        outputs.add(flowEvent(frame, FlowChange.STARTED));
        takeMentionedValues(flow);
    }

    /**
     * Puts a later request of this message on the stack, to start once the flows pushed after it are done ("I lost
     * my card and I also need to change my PIN": the PIN waits for the card).
     */
    void queueFlow(Flow flow) {
        Frame frame = Frame.of(flow.name());
        frame.queued = true;
        push(frame);
        takeMentionedValues(flow);
    }

    /** Values given before they are asked for ("block my card ending 1234") are taken now. */
    private void takeMentionedValues(Flow flow) {
        if (message == null) {
            return;
        }
        for (Step step : flow.steps()) {
            if (step instanceof Step.Collect collect && !state.slots.containsKey(collect.slot())) {
                Slot slot = bundle.slots().get(collect.slot());
                SlotFiller.value(collect.slot(), slot, message, null, Reading.MENTIONED, currency())
                        .filter(value -> SlotFiller.valid(slot, value))
                        .ifPresent(value -> setSlot(collect.slot(), value, false, "user"));
            }
        }
    }

    /** A change of a flow, with the step it was at (none once it ran to its end). */
    Output.FlowEvent flowEvent(Frame frame, FlowChange change) {
        Flow flow = bundle.flows().get(frame.flow);
        String step = flow != null && frame.step < flow.steps().size() ? flow.steps().get(frame.step).name() : null;
        return new Output.FlowEvent(frame.flow, change, state.depth(), step);
    }

    void push(Frame frame) {
        state.stack.add(frame);
    }

    void popFlow(Frame frame, FlowChange change) {
        state.stack.remove(frame);
        if (frame.pattern() || frame.queued) {
            return;
        }
        outputs.add(flowEvent(frame, change));
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

    void closeEverything(FlowChange change) {
        while (state.top() != null) {
            popFlow(state.top(), change);
        }
        state.pending = null;
    }

    void interruptTop() {
        Frame top = state.top();
        if (top != null && !top.pattern() && !top.interrupted && !top.queued) {
            top.interrupted = true;
            outputs.add(flowEvent(top, FlowChange.INTERRUPTED));
        }
    }

    void setSlot(String slot, String value, boolean corrected, String source) {
        String previous = value == null ? state.slots.remove(slot) : state.slots.put(slot, value);
        outputs.add(new Output.SlotChanged(slot, value, previous, corrected, source));
    }

    // ---- saying things -----------------------------------------------------------------------------------------

    void say(String responseName, Map<String, String> context) {
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

    String render(String template, Map<String, String> context) {
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

    String describe(String flowName) {
        Flow flow = bundle.flows().get(flowName);
        return flow == null ? flowName.replace('_', ' ') : flow.description();
    }

    String describeSlot(String slotName) {
        Slot slot = bundle.slots().get(slotName);
        return slot != null && slot.description() != null ? slot.description() : slotName.replace('_', ' ');
    }

    String describeIntent(String intent) {
        Optional<Flow> flow = bundle.flowTriggeredBy(intent);
        if (flow.isPresent()) {
            return flow.get().description();
        }
        var definition = bundle.intents().get(intent);
        return definition != null && definition.description() != null
                ? definition.description()
                : intent.replace('_', ' ');
    }

    String activeFlowDescription() {
        for (int f = state.stack.size() - 1; f >= 0; f--) {
            if (!state.stack.get(f).pattern() && !state.stack.get(f).queued) {
                return state.stack.get(f).flow;
            }
        }
        return null;
    }


    // ---- helpers -----------------------------------------------------------------------------------------------

    Step.Collect currentCollect(Frame frame) {
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

    boolean onStack(String flowName) {
        return state.stack.stream().anyMatch(frame -> frame.flow.equals(flowName));
    }

    Flow flow(Frame frame) {
        return bundle.flows().get(frame.flow);
    }

    String currency() {
        return bundle.assistant().settings().currency();
    }

    String lastUserText() {
        return message == null ? "" : message.text();
    }

    TurnResult finish() {
        return new TurnResult(outputs, awaiting);
    }
}
