package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Persona;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.contracts.event.SlotSet;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Output;
import dev.confab.dialog.engine.TurnResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns what the engine decided into the events of a turn and the bot's transcript entries, in order: template
 * messages go straight to the client on {@code chat.outbound} and to the public stream; knowledge and SLM work
 * goes to retrieval and generation; the turn ends with {@code reply.done} unless it continues elsewhere.
 */
final class TurnEvents {

    /** Earlier user messages sent with a knowledge search; the last one or two are what a follow-up refers to. */
    private static final int SEARCH_CONTEXT = 3;

    private final AssistantBundle bundle;
    private final Envelope cause;
    private final String version;
    private final String summary;
    private final List<Envelope> events = new ArrayList<>();
    private final List<TranscriptEntry> entries = new ArrayList<>();

    TurnEvents(AssistantBundle bundle, Envelope cause, String version, String summary) {
        this.bundle = bundle;
        this.cause = cause;
        this.version = version;
        this.summary = summary;
    }

    Envelope cause() {
        return cause;
    }

    TurnEvents add(EventPayload payload) {
        events.add(cause.next(payload).withAssistantVersion(version));
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
                Envelope message = cause.next(new BotMessage(say.text(), Provenance.TEMPLATE, List.of(), say.response()));
                TranscriptEntry entry = TranscriptEntry.of(message, Speaker.BOT, say.text(), Provenance.TEMPLATE);
                entry.response = say.response();
                entries.add(entry);
                seen.add(new ChatTurn(Speaker.BOT, say.text()));
                add(new ReplyMessage(say.text(), Provenance.TEMPLATE, List.of()));
                events.add(message.withAssistantVersion(version));
                messages++;
            } else if (output instanceof Output.SlotChanged slot) {
                add(new SlotSet(slot.slot(), slot.value(), slot.previous(), slot.corrected(), slot.source()));
            } else if (output instanceof Output.FlowEvent flow) {
                add(new FlowChanged(flow.flow(), flow.change(), flow.depth()));
            } else if (output instanceof Output.SearchKnowledge search) {
                add(new RetrievalRequested(search.query(), topK, earlierUserMessages(history), List.of()));
            } else if (output instanceof Output.Generate generate) {
                add(new GenerationRequested(generate.task(), seen, List.of(), fallbackText(), persona(bundle),
                        generate.instructions(), generate.slot() != null, false, summary, bundle.guardrails(), null));
            } else if (output instanceof Output.HandOff handoff) {
                add(new HandoffRequested(handoff.reason(), context.summary(), state.slots, handoff.flow(),
                        context.transcriptUrl()));
            } else if (output instanceof Output.End end) {
                add(new ConversationEnded(end.reason()));
            }
        }
        if (!result.awaiting()) {
            add(new ReplyDone(messages));
        }
        return this;
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

    List<Envelope> events() {
        return events;
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
