package dev.confab.dialog.engine;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Flow;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.SlotType;
import dev.confab.bundle.model.Step;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.dialog.engine.Commands.Command;
import dev.confab.dialog.engine.SlotFiller.Candidate;
import dev.confab.dialog.engine.SlotFiller.Reading;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One run of the engine over a conversation's state: decides which flow or repair pattern handles an input; the
 * {@link FlowRunner} then runs steps until the bot has to wait.
 */
final class TurnRun {

    private static final Pattern CORRECTION_CUE = Pattern.compile(
            "\\b(no|not|actually|sorry|i meant|i mean|change|instead|wrong|make it|rather|correction)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION_BEFORE = Pattern.compile("\\bnot\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_OPTION = Pattern.compile("\\b(first|1st|former)\\b|^\\s*1\\s*$");
    private static final Pattern SECOND_OPTION = Pattern.compile("\\b(second|2nd|latter|other)\\b|^\\s*2\\s*$");

    private final AssistantBundle bundle;
    private final DialogueState state;
    private final String turnId;
    private final FlowRunner flows;
    private MessageUnderstood message;
    /** The flows of the message's later requests, in the order said, to run after the first. */
    private List<Flow> laterRequests = List.of();

    TurnRun(AssistantBundle bundle, DialogueState state, String turnId) {
        this.bundle = bundle;
        this.state = state;
        this.turnId = turnId;
        this.flows = new FlowRunner(bundle, state, turnId);
    }

    // ---- inputs ------------------------------------------------------------------------------------------------

    TurnResult message(MessageUnderstood understood, Instant at) {
        if (!understood.understoodByModel() && !state.withAgent) {
            // Nothing was understood, so nothing changes: the user is asked to try again, the turn is not counted.
            flows.say("nlu_not_ready", Map.of());
            return flows.finish();
        }
        message = understood;
        flows.heard(understood);
        boolean first = state.userTurns == 0;
        boolean timedOut = state.lastUserTurnAt != null && Duration.between(state.lastUserTurnAt, at)
                .compareTo(Duration.ofMinutes(bundle.assistant().settings().inactivityTimeoutMinutes())) > 0;
        state.userTurns++;
        state.lastUserTurnAt = at;
        if (understood.channel() != null) {
            state.channel = understood.channel();
        }
        if (state.withAgent) {
            return flows.finish();
        }
        String intent = understood.outOfScope() || understood.intents().isEmpty()
                ? null
                : understood.intents().get(0).intent();
        if (timedOut) {
            flows.closeEverything(FlowChange.CANCELLED);
            flows.push(Frame.of("pattern_session_timeout"));
            flows.runStack();
        } else if (first) {
            flows.push(Frame.of("pattern_session_start"));
            flows.runStack();
            if (roleOf(intent) == IntentRole.GREET) {
                return flows.finish();
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
                flows.emit(new Output.Clarified(pending.turnId(), chosen));
            }
        }
        if (pending != null && pending.kind() == Pending.Kind.HANDOFF_OFFER && answeredOffer(intent)) {
            return flows.finish();
        }
        List<String> requests = requests(understood);
        if (requests.size() > 1 && (pending == null || pending.kind() != Pending.Kind.CLARIFICATION)) {
            // Several requests run in the order said, whatever the whole message's best intent.
            intent = requests.get(0);
            ambiguous = false;
            laterRequests = requests.stream().skip(1)
                    .map(bundle::flowTriggeredBy)
                    .flatMap(Optional::stream)
                    .filter(flow -> !flow.equals(bundle.flowTriggeredBy(requests.get(0)).orElse(null)))
                    .distinct()
                    .toList();
        }
        handle(intent, ambiguous);
        return flows.finish();
    }

    /** Generation has answered from knowledge (or made small talk); the flow that asked goes on. */
    TurnResult knowledgeAnswered() {
        if (flows.resumable(Pending.Kind.KNOWLEDGE)) {
            state.top().step++;
            flows.runStack();
        }
        return flows.finish();
    }

    /** Generation has written what a generate step asked for, or the command a message was read as. */
    TurnResult generated(String text) {
        Pending pending = state.pending;
        if (flows.answered(Pending.Kind.COMMAND)) {
            commandRead(pending, text);
            return flows.finish();
        }
        if (flows.resumable(Pending.Kind.GENERATION)) {
            // The model's answer is typed like a user's: an answer the slot cannot take leaves it unset.
            Slot slot = pending.slot() == null ? null : bundle.slots().get(pending.slot());
            String value = slot == null ? null : SlotFiller.fromGeneration(slot, text, flows.currency());
            if (value != null) {
                flows.setSlot(pending.slot(), value, false, "generation");
            }
            state.top().step++;
            flows.runStack();
        }
        return flows.finish();
    }

    /** An action has answered ({@code values}: slot → value from its result) or failed. */
    TurnResult actionDone(Map<String, String> values, boolean failed) {
        if (!flows.resumable(Pending.Kind.ACTION)) {
            return flows.finish();
        }
        Frame frame = state.top();
        if (failed) {
            Step.CallAction call = (Step.CallAction) flows.flow(frame).steps().get(frame.step);
            Map<String, String> context = Map.of("flow", flows.describe(frame.flow));
            flows.popFlow(frame, FlowChange.FAILED);
            flows.say(bundle.actions().get(call.action()).onError(), context);
        } else {
            values.forEach((slot, value) -> flows.setSlot(slot, value, false, "action"));
            frame.step++;
        }
        flows.runStack();
        return flows.finish();
    }

    /** The human agent gave the conversation back. */
    TurnResult agentReturned() {
        state.withAgent = false;
        flows.closeEverything(FlowChange.CANCELLED);
        flows.say("handoff_ended", Map.of());
        return flows.finish();
    }

    /** The client closed the conversation, or the user left it. */
    TurnResult closed(ConversationEnded.Reason reason) {
        state.withAgent = false;
        flows.closeEverything(FlowChange.CANCELLED);
        flows.emit(new Output.End(reason));
        return flows.finish();
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
        Frame top = state.top();
        Step.Collect asked = top == null ? null : flows.currentCollect(top);
        // "Go ahead" looks like a goodbye to the NLU; as the answer to "Shall I go ahead?" it is a yes.
        if (role == IntentRole.GOODBYE && !(asked != null && answersInKind(top, asked, intent, role))) {
            flows.closeEverything(FlowChange.CANCELLED);
            flows.say("goodbye", Map.of());
            flows.emit(new Output.End(ConversationEnded.Reason.GOODBYE));
            return;
        }
        // "No wait, make it 60" to "Shall I go ahead?" changes the amount rather than saying no.
        boolean confirming = asked != null && bundle.slots().get(asked.slot()).type() == SlotType.BOOLEAN;
        if (confirming && correct(role)) {
            return;
        }
        if (asked != null && answer(top, asked, intent, role, ambiguous)) {
            return;
        }
        if (!confirming && correct(role)) {
            return;
        }
        if (role == IntentRole.CHITCHAT || role == IntentRole.GREET) {
            flows.interruptTop();
            chitchat(intent);
            return;
        }
        List<String> options = ambiguous ? clarificationOptions() : List.of();
        if (!options.isEmpty()) {
            if (!readByModel(Pending.Fallback.CLARIFY, options)) {
                clarify(options);
            }
            return;
        }
        if (intent != null && role == IntentRole.TASK) {
            state.consecutiveFallbacks = 0;
            Optional<Flow> flow = bundle.flowTriggeredBy(intent);
            flows.interruptTop();
            // Pushed first, so they start when the first request is done, before an interrupted flow resumes.
            for (int i = laterRequests.size() - 1; i >= 0; i--) {
                if (!flows.onStack(laterRequests.get(i).name())) {
                    flows.queueFlow(laterRequests.get(i));
                }
            }
            if (flow.isPresent() && !flows.onStack(flow.get().name())) {
                flows.startFlow(flow.get());
            } else if (flow.isEmpty()) {
                flows.push(Frame.of("pattern_knowledge_answer"));
            }
            flows.runStack();
            return;
        }
        if (asked != null) {
            if (!readByModel(Pending.Fallback.REASK, List.of())) {
                reask(top, asked);
            }
            return;
        }
        if (!readByModel(Pending.Fallback.CANNOT_HANDLE, List.of())) {
            cannotHandle();
        }
    }

    /** Tries the message as the answer to the question asked; {@code false} when it is about something else. */
    private boolean answer(Frame frame, Step.Collect asked, String intent, IntentRole role, boolean ambiguous) {
        if (role == IntentRole.SKIP) {
            skip(frame, asked);
            return true;
        }
        Slot slot = bundle.slots().get(asked.slot());
        // "Yes block it" to "Shall I go ahead?" is a yes, though the NLU hears a blocked PIN in it.
        Reading reading = slot.type() == SlotType.BOOLEAN && SlotFiller.opensWithYesOrNo(message.text())
                ? Reading.ASKED
                : reading(frame, intent, role, ambiguous);
        Optional<String> value = SlotFiller.value(asked.slot(), slot, message, role, reading, flows.currency());
        if (value.isEmpty()) {
            return false;
        }
        if (!SlotFiller.valid(slot, value.get())) {
            invalid(frame, asked, slot);
            return true;
        }
        flows.setSlot(asked.slot(), value.get(), false, "user");
        frame.attempts = 0;
        frame.step++;
        state.consecutiveFallbacks = 0;
        flows.runStack();
        return true;
    }

    /** Whether the message holds a value of the question's type; any message would do for a text question. */
    private boolean answersInKind(Frame frame, Step.Collect asked, String intent, IntentRole role) {
        Slot slot = bundle.slots().get(asked.slot());
        return slot.type() != SlotType.TEXT
                && SlotFiller.value(asked.slot(), slot, message, role, reading(frame, intent, role, false),
                        flows.currency())
                .isPresent();
    }

    /** "No, 50 not 15": a new value for a slot already filled by a flow in progress. */
    private boolean correct(IntentRole role) {
        if (role != IntentRole.DENY && !CORRECTION_CUE.matcher(message.text()).find()) {
            return false;
        }
        return correctLatest(this::correction, "user");
    }

    /**
     * Corrects the latest answered question of the flows in progress that {@code newValue} offers a new value for;
     * {@code false} when it offers none.
     */
    private boolean correctLatest(Function<String, Optional<String>> newValue, String source) {
        for (int f = state.stack.size() - 1; f >= 0; f--) {
            Frame frame = state.stack.get(f);
            if (frame.pattern() || frame.queued) {
                continue;
            }
            List<Step> steps = flows.flow(frame).steps();
            for (int i = Math.min(frame.step, steps.size() - 1); i >= 0; i--) {
                if (steps.get(i) instanceof Step.Collect collect && state.slots.containsKey(collect.slot())) {
                    Optional<String> corrected = newValue.apply(collect.slot());
                    if (corrected.isPresent()) {
                        applyCorrection(f, frame, i, collect.slot(), corrected.get(), source);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Optional<String> correction(String slotName) {
        String current = state.slots.get(slotName);
        return SlotFiller.candidates(slotName, bundle.slots().get(slotName), message, null, Reading.CORRECTING,
                        flows.currency())
                .stream()
                .filter(candidate -> !candidate.value().equalsIgnoreCase(current))
                .filter(candidate -> !negated(candidate))
                .map(Candidate::value)
                .findFirst();
    }

    private void applyCorrection(int index, Frame frame, int collectStep, String slot, String value, String source) {
        // Patterns and digressions above the corrected flow are done with; the flow re-runs from the answer.
        while (state.stack.size() > index + 1) {
            Frame above = state.stack.remove(state.stack.size() - 1);
            if (!above.pattern()) {
                flows.emit(flows.flowEvent(above, FlowChange.CANCELLED));
            }
        }
        flows.setSlot(slot, value, true, source);
        frame.step = Math.min(frame.step, collectStep + 1);
        frame.attempts = 0;
        Frame pattern = Frame.of("pattern_correction");
        pattern.context.put("slot", flows.describeSlot(slot));
        pattern.context.put("value", value);
        flows.push(pattern);
        flows.runStack();
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
            flows.say("nothing_to_cancel", Map.of());
            return;
        }
        String described = flows.describe(target.flow);
        while (state.top() != target) {
            state.stack.remove(state.stack.size() - 1);
        }
        flows.popFlow(target, FlowChange.CANCELLED);
        Frame pattern = Frame.of("pattern_cancel");
        pattern.context.put("flow", described);
        flows.push(pattern);
        flows.runStack();
    }

    private void skip(Frame frame, Step.Collect asked) {
        if (!asked.optional()) {
            flows.say("cannot_skip", Map.of("slot", flows.describeSlot(asked.slot()), "flow", flows.describe(frame.flow)));
            flows.ask(frame, asked);
            return;
        }
        frame.step++;
        frame.attempts = 0;
        flows.push(Frame.of("pattern_skip"));
        flows.runStack();
    }

    private void invalid(Frame frame, Step.Collect asked, Slot slot) {
        if (++frame.attempts > bundle.assistant().settings().maxReasks()) {
            collectFailed(frame, asked);
            return;
        }
        String response = slot.validation() != null && slot.validation().response() != null
                ? slot.validation().response()
                : "invalid_value";
        flows.say(response, Map.of("slot", flows.describeSlot(asked.slot())));
        flows.ask(frame, asked);
    }

    private void reask(Frame frame, Step.Collect asked) {
        if (++frame.attempts > bundle.assistant().settings().maxReasks()) {
            collectFailed(frame, asked);
            return;
        }
        flows.ask(frame, asked);
    }

    private void collectFailed(Frame frame, Step.Collect asked) {
        Frame pattern = Frame.of("pattern_collect_failed");
        pattern.context.put("slot", flows.describeSlot(asked.slot()));
        pattern.context.put("flow", flows.describe(frame.flow));
        flows.popFlow(frame, FlowChange.FAILED);
        flows.push(pattern);
        flows.runStack();
    }

    /** Small talk: the intent's own response, else the role's ({@code greet}), else the SLM within the persona. */
    private void chitchat(String intent) {
        String response = "chitchat_" + intent;
        String byRole = roleOf(intent).name().toLowerCase(Locale.ROOT);
        if (bundle.responses().containsKey(response)) {
            flows.say(response, Map.of());
        } else if (bundle.responses().containsKey(byRole)) {
            flows.say(byRole, Map.of());
        } else {
            flows.push(Frame.of("pattern_chitchat"));
        }
        flows.runStack();
    }

    /** The two task intents to ask between, or none when a question would not help. */
    private List<String> clarificationOptions() {
        List<String> options = message.intents().stream()
                .map(score -> score.intent())
                .filter(intent -> roleOf(intent) == IntentRole.TASK)
                .limit(2)
                .toList();
        // Two intents that start the same flow need no question: either way the same thing happens.
        return options.size() < 2 || sameFlow(options.get(0), options.get(1)) ? List.of() : options;
    }

    private void clarify(List<String> options) {
        Frame pattern = Frame.of("pattern_clarification");
        pattern.context.put("options", flows.describeIntent(options.get(0)) + " or " + flows.describeIntent(options.get(1)));
        flows.push(pattern);
        flows.runStack();
        state.pending = new Pending(Pending.Kind.CLARIFICATION, turnId, options, null, false);
    }

    private boolean sameFlow(String intent, String other) {
        Optional<Flow> flow = bundle.flowTriggeredBy(intent);
        return flow.isPresent() && flow.equals(bundle.flowTriggeredBy(other));
    }

    /** The intents of the message's requests that are tasks, in the order said (empty for a single request). */
    private List<String> requests(MessageUnderstood understood) {
        return understood.parts().stream()
                .map(part -> part.intent())
                .filter(intent -> roleOf(intent) == IntentRole.TASK)
                .distinct()
                .toList();
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
            flows.say("handoff_offer", Map.of());
            state.pending = Pending.of(Pending.Kind.HANDOFF_OFFER, turnId);
            return;
        }
        flows.interruptTop();
        flows.push(Frame.of("pattern_cannot_handle"));
        flows.runStack();
    }

    /** Whether the message answered the offer of a human; a message about something else is handled as usual. */
    private boolean answeredOffer(String intent) {
        IntentRole role = roleOf(intent);
        // A yes or no the NLU finds too short to be sure of still answers the question just asked.
        Boolean said = intent == null ? SlotFiller.yesOrNo(message.text()) : null;
        if (role == IntentRole.AFFIRM || Boolean.TRUE.equals(said)) {
            handOffByPattern("the assistant could not help and the user accepted a human");
            return true;
        }
        if (role == IntentRole.DENY || Boolean.FALSE.equals(said)) {
            state.consecutiveFallbacks = 0;
            flows.say("handoff_declined", Map.of());
            flows.runStack();
            return true;
        }
        return false;
    }

    private void handOffByPattern(String reason) {
        Frame pattern = Frame.of("pattern_handoff");
        pattern.context.put("reason", reason);
        flows.push(pattern);
        flows.runStack();
    }

    // ---- the SLM as the NLU's fallback --------------------------------------------------------------------------

    /**
     * Asks the SLM which command the message is, over the bundle's flows and the slots of the flows in progress;
     * the turn waits for it. {@code false} when the assistant does not use the SLM this way.
     */
    private boolean readByModel(Pending.Fallback fallback, List<String> options) {
        if (!bundle.assistant().settings().slmCommands()) {
            return false;
        }
        List<String> slots = slotsInProgress();
        Frame top = state.top();
        Step.Collect asked = top == null ? null : flows.currentCollect(top);
        String active = flows.activeFlowDescription();
        String inProgress = active == null ? null : flows.describe(active);
        String question = asked == null ? null : asked.slot() + " (" + flows.describeSlot(asked.slot()) + ")";
        flows.emit(new Output.Generate(GenerationTask.COMMAND,
                Commands.instructions(bundle, slots, state.slots, inProgress, question), null,
                Commands.schema(bundle, slots)));
        return flows.await(Pending.command(turnId, message.text(), fallback, options));
    }

    /** The SLM's answer: a command the assistant can act on is carried out; anything else leaves the NLU's reading. */
    private void commandRead(Pending pending, String answer) {
        message = new MessageUnderstood(pending.text(), "und", List.of(), true, false, List.of(), List.of(), "slm");
        flows.heard(message);
        Optional<Command> command = Commands.read(answer);
        String dropped = command.isPresent() ? problemWith(command.get()) : "no command it could read";
        flows.emit(new Output.Interpreted(command.map(Command::name).orElse(null),
                command.map(Command::target).orElse(null), dropped));
        if (dropped == null) {
            act(command.get());
        } else {
            fallBack(pending);
        }
    }

    /** Why the assistant cannot act on the command, or {@code null} when it can: the model never invents names. */
    private String problemWith(Command command) {
        Frame top = state.top();
        Step.Collect asked = top == null ? null : flows.currentCollect(top);
        switch (command.name()) {
            case "start_flow":
                if (Commands.entryFlows(bundle).stream().noneMatch(flow -> flow.name().equals(command.flow()))) {
                    return "not a flow of the assistant";
                }
                return flows.onStack(command.flow()) ? "already in progress" : null;
            case "set_slot":
                if (asked == null || !asked.slot().equals(command.slot())) {
                    return "not the question asked";
                }
                return slotValue(command) == null ? "a value the slot cannot take" : null;
            case "correct_slot":
                if (command.slot() == null || !state.slots.containsKey(command.slot())
                        || !slotsInProgress().contains(command.slot())) {
                    return "not a slot given earlier";
                }
                String value = slotValue(command);
                return value == null || value.equals(state.slots.get(command.slot()))
                        ? "not a new value the slot can take" : null;
            case "cancel_flow":
                return flows.activeFlowDescription() == null ? "nothing in progress" : null;
            case "clarify":
                List<String> offered = Commands.entryFlows(bundle).stream().map(Flow::name).toList();
                return command.options().size() == 2 && offered.containsAll(command.options())
                        && !command.options().get(0).equals(command.options().get(1)) ? null : "not two flows";
            case "cannot_handle":
                return "the model could not tell either";
            default:
                return null;
        }
    }

    private void act(Command command) {
        state.consecutiveFallbacks = 0;
        switch (command.name()) {
            case "start_flow" -> {
                flows.interruptTop();
                flows.startFlow(bundle.flows().get(command.flow()));
                flows.runStack();
            }
            case "set_slot" -> {
                Frame frame = state.top();
                flows.setSlot(command.slot(), slotValue(command), false, "generation");
                frame.attempts = 0;
                frame.step++;
                flows.runStack();
            }
            case "correct_slot" -> correctLatest(slot -> slot.equals(command.slot())
                    ? Optional.ofNullable(slotValue(command))
                    : Optional.empty(), "generation");
            case "cancel_flow" -> cancel();
            case "clarify" -> clarify(command.options().stream()
                    .map(flow -> bundle.flows().get(flow).triggers().get(0))
                    .toList());
            case "knowledge" -> pushPattern("pattern_knowledge_answer");
            case "chitchat" -> pushPattern("pattern_chitchat");
            default -> handOffByPattern("the user asked for a human");
        }
    }

    /** What the NLU's reading led to, had the SLM not been asked. */
    private void fallBack(Pending pending) {
        Frame top = state.top();
        Step.Collect asked = top == null ? null : flows.currentCollect(top);
        if (pending.fallback() == Pending.Fallback.CLARIFY) {
            clarify(pending.options());
        } else if (pending.fallback() == Pending.Fallback.REASK && asked != null) {
            reask(top, asked);
        } else {
            cannotHandle();
        }
    }

    private void pushPattern(String pattern) {
        flows.interruptTop();
        flows.push(Frame.of(pattern));
        flows.runStack();
    }

    private String slotValue(Command command) {
        Slot slot = command.slot() == null ? null : bundle.slots().get(command.slot());
        return slot == null || command.value() == null
                ? null
                : SlotFiller.fromGeneration(slot, command.value(), flows.currency());
    }

    /** The slots the flows in progress collect: what a command may fill or correct. */
    private List<String> slotsInProgress() {
        return state.stack.stream()
                .filter(frame -> !frame.pattern() && !frame.queued)
                .flatMap(frame -> flows.flow(frame).steps().stream())
                .filter(step -> step instanceof Step.Collect)
                .map(step -> ((Step.Collect) step).slot())
                .distinct()
                .toList();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

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

    private IntentRole roleOf(String intent) {
        return intent == null ? null : bundle.roleOf(intent);
    }
}
