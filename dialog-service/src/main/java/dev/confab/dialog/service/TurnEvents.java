package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Persona;
import dev.confab.bundle.model.Response;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.TurnInterpreted;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyHandoff;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.contracts.event.SlotSet;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Output;
import dev.confab.dialog.engine.TurnResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns what the engine decided into the events of a turn and the bot's transcript entries, in order: template
 * messages go straight to the client on {@code chat.outbound} and to the public stream; knowledge and SLM work
 * goes to retrieval and generation; the turn ends with {@code reply.done} unless it continues elsewhere. A response
 * marked {@code rephrase} goes to generation instead, and everything after it is held in the outbox until the
 * rephrased message has been said, so the user reads the turn in order.
 */
final class TurnEvents {

    /** Earlier user messages sent with a knowledge search; the last one or two are what a follow-up refers to. */
    private static final int SEARCH_CONTEXT = 3;

    private final AssistantBundle bundle;
    private final Envelope cause;
    private final String version;
    private final String summary;
    private final List<OutboxEvent> rows = new ArrayList<>();
    private final List<TranscriptEntry> entries = new ArrayList<>();
    /** The rephrase request the events added from now on wait for; {@code null} until the turn asks for one. */
    private UUID heldBy;

    TurnEvents(AssistantBundle bundle, Envelope cause, String version, String summary) {
        this.bundle = bundle;
        this.cause = cause;
        this.version = version;
        this.summary = summary;
    }

    Envelope cause() {
        return cause;
    }

    AssistantBundle bundle() {
        return bundle;
    }

    TurnEvents add(EventPayload payload) {
        return queue(cause.next(payload));
    }

    private TurnEvents queue(Envelope event) {
        rows.add(OutboxEvent.of(event.withAssistantVersion(version), heldBy));
        return this;
    }

    /**
     * Adds the events of a turn's outputs. {@code history} is the conversation so far, oldest first, for SLM work;
     * {@code context} supplies what a handoff packet needs.
     */
    TurnEvents outputs(TurnResult result, DialogueState state, List<ChatTurn> history, HandoffContext context,
                       int topK) {
        int messages = 0;
        List<ChatTurn> seen = new ArrayList<>(history);
        for (Output output : result.outputs()) {
            if (output instanceof Output.Say say) {
                if (rephrased(bundle, say)) {
                    rephrase(say, bundle.responses().get(say.response()), state, seen);
                } else {
                    template(say);
                }
                seen.add(new ChatTurn(Speaker.BOT, say.text()));
                messages++;
            } else if (output instanceof Output.SlotChanged slot) {
                add(new SlotSet(slot.slot(), slot.value(), slot.previous(), slot.corrected(), slot.source()));
            } else if (output instanceof Output.FlowEvent flow) {
                add(new FlowChanged(flow.flow(), flow.change(), flow.depth(), flow.step()));
            } else if (output instanceof Output.SearchKnowledge search) {
                add(new RetrievalRequested(search.query(), topK, earlierUserMessages(history), List.of()));
            } else if (output instanceof Output.Generate generate) {
                boolean silent = generate.slot() != null || generate.task() == GenerationTask.COMMAND;
                add(new GenerationRequested(generate.task(), seen, List.of(), fallbackText(), persona(bundle),
                        generate.instructions(), silent, false, summary, bundle.guardrails(), null,
                        generate.schema()));
            } else if (output instanceof Output.Interpreted read) {
                add(new TurnInterpreted(read.dropped() == null ? "slm" : "nlu", read.command(), read.target(),
                        read.dropped()));
            } else if (output instanceof Output.HandOff handoff) {
                add(new HandoffRequested(handoff.reason(), context.summary(), state.slots, handoff.flow(),
                        context.transcriptUrl()));
                add(new ReplyHandoff(ReplyHandoff.State.REQUESTED, null));
            } else if (output instanceof Output.End end) {
                add(new ConversationEnded(end.reason()));
            }
        }
        if (!result.awaiting()) {
            add(new ReplyDone(messages));
        }
        return this;
    }

    /** Whether a turn says a response generation rephrases, so its prompt needs the conversation so far. */
    static boolean rephrases(TurnResult result, AssistantBundle bundle) {
        return result.outputs().stream()
                .anyMatch(output -> output instanceof Output.Say say && rephrased(bundle, say));
    }

    private static boolean rephrased(AssistantBundle bundle, Output.Say say) {
        Response response = bundle.responses().get(say.response());
        return response != null && response.rephrase();
    }

    /** A template message: to the client and the public stream as it is. */
    private void template(Output.Say say) {
        Envelope message = cause.next(new BotMessage(say.text(), Provenance.TEMPLATE, List.of(), say.response()));
        transcribe(message, say);
        add(new ReplyMessage(say.text(), Provenance.TEMPLATE, List.of()));
        queue(message);
    }

    /**
     * A message generation rephrases within the channel's length; its transcript entry holds the template until
     * the rephrasing comes back, and the events after it wait for that.
     */
    private void rephrase(Output.Say say, Response response, DialogueState state, List<ChatTurn> seen) {
        Integer maxChars = state.channel == null ? null : response.maxChars().get(state.channel);
        Envelope request = cause.next(new GenerationRequested(GenerationTask.REPHRASE, seen, List.of(), say.text(),
                persona(bundle), null, false, false, summary, bundle.guardrails(), maxChars));
        transcribe(request, say);
        queue(request);
        heldBy = request.eventId();
    }

    private void transcribe(Envelope event, Output.Say say) {
        TranscriptEntry entry = TranscriptEntry.of(event, Speaker.BOT, say.text(), Provenance.TEMPLATE);
        entry.response = say.response();
        entries.add(entry);
    }

    /** What the user said before this turn (the last few messages, oldest first), so retrieval can read a follow-up. */
    private static List<String> earlierUserMessages(List<ChatTurn> history) {
        List<String> said = history.stream()
                .filter(turn -> turn.speaker() == ChatTurn.Speaker.USER)
                .map(ChatTurn::text)
                .toList();
        // The transcript already holds this turn's message, the last one the user said.
        return said.isEmpty() ? said : said.subList(Math.max(0, said.size() - 1 - SEARCH_CONTEXT), said.size() - 1);
    }

    /** The turn's events as outbox rows, in order; those after a rephrase request are held for it. */
    List<OutboxEvent> rows() {
        return rows;
    }

    List<TranscriptEntry> entries() {
        return entries;
    }

    /** What the bot says when the SLM cannot: the bundle's {@code cannot_handle} response. */
    String fallbackText() {
        return Template.render(bundle.responses().get("cannot_handle").text().get(0), name -> null);
    }

    /** The persona part of every prompt, from the bundle. */
    static String persona(AssistantBundle bundle) {
        Persona persona = bundle.assistant().persona();
        StringBuilder text = new StringBuilder("You are ")
                .append(persona.name() == null ? "the assistant" : persona.name())
                .append(", the ").append(bundle.assistant().name()).append(" assistant.");
        if (persona.tone() != null) {
            text.append(" Your tone: ").append(persona.tone()).append('.');
        }
        if (!persona.rules().isEmpty()) {
            text.append(" Rules: ").append(persona.rules().stream().collect(Collectors.joining(" ")));
        }
        return text.toString();
    }

    /** What a handoff packet says beyond the slots: an extractive summary and where the transcript is. */
    record HandoffContext(String summary, String transcriptUrl) {
    }
}
