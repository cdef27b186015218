package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.ConversationStarted;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyHandoff;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.TurnStarted;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.OutboxEvent;
import dev.confab.dialog.TranscriptEntry.LabelSource;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.config.DialogConfig;
import dev.confab.dialog.engine.DialogueEngine;
import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Output;
import dev.confab.dialog.engine.Pending;
import dev.confab.dialog.engine.TurnResult;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.InboxRepository;
import dev.confab.dialog.repository.OutboxRepository;
import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs each turn: loads the conversation and its dialogue state, lets the engine decide, and stores the new state,
 * the transcript and the resulting events in one transaction. Events go to the outbox in that transaction and are
 * published once it commits, so a crash loses none; the inbox makes a redelivered event change nothing.
 */
@ApplicationScoped
public class TurnService {

    /** Turn ids of dialog's own end requests; the gateway names its requests by what they ask ("end-…"). */
    private static final String INACTIVITY_TURN = "inactivity-";

    private static final int SUMMARY_MESSAGES = 20;
    private static final String NOT_YOURS = "This conversation cannot be continued from here. Please start a "
            + "new conversation.";
    private static final String SUMMARY_INSTRUCTIONS = "Summarise this conversation in at most three sentences for "
            + "a colleague who will take it over: what the user wants, what is known, what is still open.";

    private final DialogConfig config;
    private final AssistantRegistry assistants;
    private final ConversationRepository conversations;
    private final TranscriptRepository transcript;
    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final ActionRunner actions;
    private final MemoryService memory;

    public TurnService(DialogConfig config, AssistantRegistry assistants, ConversationRepository conversations,
                       TranscriptRepository transcript, InboxRepository inbox, OutboxRepository outbox,
                       ActionRunner actions, MemoryService memory) {
        this.config = config;
        this.assistants = assistants;
        this.conversations = conversations;
        this.transcript = transcript;
        this.inbox = inbox;
        this.outbox = outbox;
        this.actions = actions;
        this.memory = memory;
    }

    /**
     * A user message: the engine decides the bot's next steps. Messages of the last turn still waiting for a
     * rephrasing go out first, so the new turn does not overtake them.
     */
    @WithTransaction
    public Uni<List<OutboxEvent>> userSpoke(Envelope event, MessageUnderstood understood) {
        return onFirstDelivery(event, () -> conversations.ownerOf(event.conversationId(), event.tenantId())
                .chain(owner -> owner != null && !owner.equals(event.tenantId())
                        ? refuseNotYours(event)
                        : conversations.findById(event.conversationId())
                                .chain(found -> mayContinue(found, understood)
                                        ? firstTurnOf(event, understood, found)
                                        : refuseNotYours(event))));
    }

    /** Takes the user's turn unless it was taken before (the client retried its POST). */
    private Uni<List<OutboxEvent>> firstTurnOf(Envelope event, MessageUnderstood understood, Conversation found) {
        return inbox.firstDelivery(turnKey(event))
                .chain(first -> first
                        ? outbox.releaseAll(event.conversationId())
                                .chain(released -> turn(event, understood, found)
                                        .map(rows -> concat(released, rows)))
                        : repeated(event, found));
    }

    /**
     * A message of a turn already taken (a client retried its POST with the same idempotency key): no second turn.
     * A finished turn's messages are said again, to wherever the retry waits; a turn still under way says nothing
     * here, as its replies still come (to the retry too, on the replica that started it).
     */
    private Uni<List<OutboxEvent>> repeated(Envelope event, Conversation conversation) {
        Pending pending = conversation == null ? null : StateCodec.read(conversation.state).pending;
        boolean underWay = pending != null && event.turnId().equals(pending.turnId())
                && pending.kind() != Pending.Kind.CLARIFICATION && pending.kind() != Pending.Kind.HANDOFF_OFFER;
        Log.infof("Turn %s of conversation %s was sent again; %s", event.turnId(), event.conversationId(),
                underWay ? "it is still under way" : "its reply is said again");
        if (underWay) {
            return Uni.createFrom().item(List.of());
        }
        return transcript.botEntriesOf(event.conversationId(), event.turnId())
                .map(said -> {
                    List<OutboxEvent> rows = new ArrayList<>();
                    said.forEach(entry -> rows.add(OutboxEvent.of(event.next(
                            new ReplyMessage(entry.text, entry.provenance, List.of())))));
                    rows.add(OutboxEvent.of(event.next(new ReplyDone(said.size()))));
                    return rows;
                })
                .chain(this::store);
    }

    /** Names a user turn in the inbox: gateway turn ids are unique, or derived from the client's idempotency key. */
    private static UUID turnKey(Envelope event) {
        return UUID.nameUUIDFromBytes(("user-turn/" + event.conversationId() + "/" + event.turnId())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Uni<List<OutboxEvent>> turn(Envelope event, MessageUnderstood understood, Conversation found) {
        return (found == null ? start(event, understood) : Uni.createFrom().item(new Loaded(found, false)))
                .chain(loaded -> {
                    Conversation conversation = loaded.conversation();
                    conversation.lastActivityAt = event.occurredAt();
                    conversation.replyPartition = event.replyPartition();
                    if (understood.userId() != null) {
                        conversation.userId = understood.userId();
                    }
                    AssistantBundle bundle = bundleOf(conversation);
                    conversation.expiresAt = event.occurredAt()
                            .plus(Duration.ofMinutes(bundle.assistant().settings().inactivityTimeoutMinutes()));
                    TurnEvents turn = new TurnEvents(bundle, event, conversation.assistantVersion,
                            conversation.summary);
                    if (loaded.started()) {
                        turn.add(new ConversationStarted(understood.channel()));
                    }
                    String intent = understood.intents().isEmpty() ? null : understood.intents().get(0).intent();
                    double confidence = understood.intents().isEmpty() ? 0 : understood.intents().get(0).confidence();
                    turn.add(new TurnStarted(understood.text(), intent, confidence, understood.outOfScope(),
                            understood.language(), understood.channel()));
                    return recall(loaded, bundle, turn)
                            .chain(() -> transcript.persist(
                                    TranscriptEntry.ofUser(event, understood)))
                            .chain(() -> decide(conversation, bundle, turn, state ->
                                    DialogueEngine.onMessage(bundle, state, event.turnId(), understood,
                                            event.occurredAt())));
                });
    }

    /**
     * Whether the sender may write in this conversation of their tenant: it is new, or no verified user has written
     * in it yet, or that user is the sender. An anonymous conversation a user signs into becomes theirs.
     */
    private static boolean mayContinue(Conversation found, MessageUnderstood understood) {
        return found == null || found.userId == null || found.userId.equals(understood.userId());
    }

    /**
     * A message from another tenant, or another user, to this conversation (its id guessed or reused): the
     * conversation is not touched (nor what is remembered of its user recalled), and the sender is told to start
     * their own.
     */
    private Uni<List<OutboxEvent>> refuseNotYours(Envelope event) {
        Log.warnf("Refused a turn of tenant %s on conversation %s, which belongs to another tenant or user",
                event.tenantId(), event.conversationId());
        return store(List.of(
                OutboxEvent.of(event.next(new ReplyMessage(NOT_YOURS, Provenance.TEMPLATE, List.of()))),
                OutboxEvent.of(event.next(new ReplyDone(1)))));
    }

    /** Knowledge found for a turn: generation answers from it (or makes small talk when nothing was found). */
    @WithTransaction
    public Uni<List<OutboxEvent>> knowledgeFound(Envelope event, RetrievalPerformed result) {
        return onFirstDelivery(event, () -> conversations.findById(event.conversationId())
                .chain(conversation -> {
                    if (conversation == null) {
                        return Uni.createFrom().item(List.<OutboxEvent>of());
                    }
                    AssistantBundle bundle = bundleOf(conversation);
                    DialogueState state = StateCodec.read(conversation.state);
                    Pending pending = state.pending;
                    boolean smallTalk = result.passages().isEmpty() && pending != null && pending.smallTalkIfNothing();
                    String instructions = smallTalk
                            ? "The user's message is outside what you help with and nothing relevant was found. "
                            + "Reply briefly and kindly, in character, and say what you can help with."
                            : null;
                    TurnEvents turn = new TurnEvents(bundle, event, conversation.assistantVersion,
                            conversation.summary);
                    return history(conversation, bundle)
                            .map(history -> turn.add(new GenerationRequested(
                                    smallTalk ? GenerationTask.SMALL_TALK : GenerationTask.ANSWER, history,
                                    result.passages(), turn.fallbackText(), TurnEvents.persona(bundle), instructions,
                                    false, false, conversation.summary, bundle.guardrails(), null)))
                            .chain(ready -> store(ready.rows()));
                }));
    }

    /** Generation finished: its answer is recorded (unless it silently filled a slot) and the flow goes on. */
    @WithTransaction
    public Uni<List<OutboxEvent>> botAnswered(Envelope event, GenerationCompleted answer) {
        return onFirstDelivery(event, () -> conversations.findById(event.conversationId())
                .chain(conversation -> {
                    if (conversation == null) {
                        return Uni.createFrom().item(List.<OutboxEvent>of());
                    }
                    if (answer.task() == GenerationTask.REPHRASE) {
                        return rephrased(conversation, event, answer);
                    }
                    if (answer.task() == GenerationTask.SUMMARIZE) {
                        // The SLM's summary replaces the extractive one; a fallback leaves that in place.
                        if (answer.provenance() == Provenance.GENERATIVE && !answer.text().isBlank()) {
                            conversation.summary = answer.text().strip();
                        }
                        return Uni.createFrom().item(List.<OutboxEvent>of());
                    }
                    AssistantBundle bundle = bundleOf(conversation);
                    Pending pending = StateCodec.read(conversation.state).pending;
                    boolean silent = answer.task() == GenerationTask.COMMAND
                            || (pending != null && pending.kind() == Pending.Kind.GENERATION && pending.slot() != null);
                    TurnEvents turn = new TurnEvents(bundle, event, conversation.assistantVersion,
                            conversation.summary);
                    Uni<Void> recorded = Uni.createFrom().voidItem();
                    if (!silent) {
                        turn.add(new BotMessage(answer.text(), answer.provenance(), answer.citations()));
                        recorded = transcript.persist(
                                TranscriptEntry.of(event, Speaker.BOT, answer.text(), answer.provenance())).replaceWithVoid();
                    }
                    return recorded.chain(() -> decide(conversation, bundle, turn, state ->
                            pending != null && pending.kind() == Pending.Kind.KNOWLEDGE
                                    ? DialogueEngine.onKnowledgeAnswered(bundle, state, event.turnId())
                                    : DialogueEngine.onGenerated(bundle, state, event.turnId(), answer.text())));
                }));
    }

    /**
     * A rephrasing came back: its transcript entry takes the words the user saw, the public stream hears of them,
     * and the turn's messages held for it go out after it.
     */
    private Uni<List<OutboxEvent>> rephrased(Conversation conversation, Envelope event, GenerationCompleted answer) {
        TurnEvents turn = new TurnEvents(bundleOf(conversation), event, conversation.assistantVersion,
                conversation.summary);
        return transcript.findByEvent(event.causationId())
                .invoke(entry -> {
                    if (entry != null) {
                        entry.text = answer.text();
                        entry.provenance = answer.provenance();
                        turn.add(new BotMessage(answer.text(), answer.provenance(), List.of(), entry.response));
                    }
                })
                .chain(() -> store(turn.rows()))
                .chain(said -> outbox.release(event.causationId())
                        .map(released -> concat(said, released)));
    }

    /** A human agent wrote to the user: recorded, sent to the client and announced. */
    @WithTransaction
    public Uni<List<OutboxEvent>> agentSpoke(Envelope event, AgentMessage message) {
        return onHandedOffConversation(event, (conversation, turn) -> {
            turn.add(new ReplyMessage(message.text(), Provenance.HUMAN, List.of()))
                    .add(new BotMessage(message.text(), Provenance.HUMAN, List.of()));
            return transcript.persist(TranscriptEntry.of(event, Speaker.BOT, message.text(), Provenance.HUMAN))
                    .chain(() -> store(turn.rows()));
        });
    }

    /** An agent took the conversation: the user's client shows who is writing now. */
    @WithTransaction
    public Uni<List<OutboxEvent>> agentAccepted(Envelope event, HandoffAccepted accepted) {
        return onHandedOffConversation(event, (conversation, turn) ->
                store(turn.add(new ReplyHandoff(ReplyHandoff.State.ACCEPTED, accepted.agentId())).rows()));
    }

    /** The agent gave the conversation back: the bot takes over again. */
    @WithTransaction
    public Uni<List<OutboxEvent>> agentReturned(Envelope event) {
        return onHandedOffConversation(event, (conversation, turn) ->
                decide(conversation, turn.bundle(), turn.add(new ReplyHandoff(ReplyHandoff.State.ENDED, null)),
                        state -> DialogueEngine.onAgentReturned(turn.bundle(), state, event.turnId())));
    }

    /**
     * The client closed the conversation, or dialog's inactivity sweep asks to end one the user left: its flows are
     * cancelled, it ends ({@code conversation.ended}, CLOSED or INACTIVITY), and messages still held for a
     * rephrasing go out first. Another tenant's request changes nothing; nor does the sweep's, when the user wrote
     * since it asked or a human agent has the conversation (the agent ends it).
     */
    @WithTransaction
    public Uni<List<OutboxEvent>> closed(Envelope event) {
        boolean left = isInactivityEnd(event);
        return onSendersConversation(event, (conversation, turn) -> {
            if (left && !expired(conversation, event.occurredAt())) {
                return Uni.createFrom().item(List.<OutboxEvent>of());
            }
            if (left && StateCodec.read(conversation.state).withAgent) {
                conversation.expiresAt = null;
                return Uni.createFrom().item(List.<OutboxEvent>of());
            }
            ConversationEnded.Reason reason = left ? ConversationEnded.Reason.INACTIVITY
                    : ConversationEnded.Reason.CLOSED;
            return outbox.releaseAll(conversation.id)
                    .chain(released -> decide(conversation, turn.bundle(), turn,
                                    state -> DialogueEngine.onClosed(turn.bundle(), state, event.turnId(), reason))
                            .map(rows -> concat(released, rows)));
        });
    }

    /**
     * dialog's own request to end a conversation its user left. Its turn id marks it as dialog's: a client may give
     * any reason, and its request still ends the conversation as CLOSED.
     */
    public static Envelope inactivityEndOf(Conversation conversation) {
        return Envelope.first(conversation.tenantId, conversation.assistantId, conversation.id,
                INACTIVITY_TURN + UUID.randomUUID(), null,
                new ConversationEndRequested(ConversationEndRequested.INACTIVITY));
    }

    private static boolean isInactivityEnd(Envelope event) {
        return event.turnId().startsWith(INACTIVITY_TURN) && event.payload() instanceof ConversationEndRequested request
                && ConversationEndRequested.INACTIVITY.equals(request.reason());
    }

    /** Whether the user has been quiet past the timeout at {@code at}: they may have written since the sweep. */
    private static boolean expired(Conversation conversation, Instant at) {
        return conversation.expiresAt != null && !conversation.expiresAt.isAfter(at);
    }

    /**
     * Acts once on the conversation an event from outside a user's turn names (the agent desk's, the client's
     * requests), only when it is the sender's tenant's; what it says goes to the replica the user last wrote
     * through.
     */
    private Uni<List<OutboxEvent>> onSendersConversation(
            Envelope event, BiFunction<Conversation, TurnEvents, Uni<List<OutboxEvent>>> act) {
        return onFirstDelivery(event, () -> conversations.findById(event.conversationId())
                // Row-level security shows only the sender's tenant's conversations: another's is not found.
                .chain(conversation -> conversation != null
                        ? act.apply(conversation, new TurnEvents(bundleOf(conversation),
                                towardsUser(event, conversation), conversation.assistantVersion, conversation.summary))
                        : Uni.createFrom().item(List.<OutboxEvent>of())));
    }

    /**
     * As {@link #onSendersConversation}, for the agent desk: only a conversation whose handoff is requested or
     * accepted, so an agent key cannot speak in, or "give back", a conversation the bot is holding.
     */
    private Uni<List<OutboxEvent>> onHandedOffConversation(
            Envelope event, BiFunction<Conversation, TurnEvents, Uni<List<OutboxEvent>>> act) {
        return onSendersConversation(event, (conversation, turn) -> {
            if (StateCodec.read(conversation.state).withAgent) {
                return act.apply(conversation, turn);
            }
            Log.warnf("Ignored agent event %s on conversation %s, which is not handed to a human", event.type(),
                    event.conversationId());
            return Uni.createFrom().item(List.<OutboxEvent>of());
        });
    }

    /**
     * An event that did not come through the user's gateway replica (the agent desk's), addressed so that what it
     * causes reaches the replica the user last wrote through.
     */
    private static Envelope towardsUser(Envelope event, Conversation conversation) {
        return event.withReplyPartition(conversation.replyPartition);
    }

    private Uni<List<OutboxEvent>> decide(Conversation conversation, AssistantBundle bundle, TurnEvents turn,
                                          Function<DialogueState, TurnResult> engine) {
        DialogueState state = StateCodec.read(conversation.state);
        return actions.settle(bundle, turn.cause(), state, engine.apply(state))
                .chain(result -> record(conversation, bundle, turn, state, result));
    }

    private Uni<List<OutboxEvent>> record(Conversation conversation, AssistantBundle bundle, TurnEvents turn,
                                          DialogueState state, TurnResult result) {
        conversation.state = StateCodec.write(state);
        if (result.has(Output.End.class)) {
            conversation.expiresAt = null;
        }
        // The transcript rows this turn wrote must be visible to the queries that build the prompt and the summary.
        return conversations.flush()
                .chain(() -> memory.remember(conversation, bundle, result))
                .chain(() -> memory.refreshSummary(conversation, bundle, state))
                .chain(refreshed -> historyIf(refreshed || result.has(Output.Generate.class)
                                || result.has(Output.SearchKnowledge.class) || TurnEvents.rephrases(result, bundle),
                        conversation, bundle)
                        .invoke(history -> {
                            if (refreshed) {
                                turn.add(new GenerationRequested(GenerationTask.SUMMARIZE, history, List.of(),
                                        conversation.summary, TurnEvents.persona(bundle), SUMMARY_INSTRUCTIONS,
                                        true, false, conversation.summary, bundle.guardrails(), null));
                            }
                        }))
                .chain(history -> handoffSummaryIf(result.has(Output.HandOff.class), conversation, state)
                        .map(summary -> turn.outputs(result, state, history,
                                new TurnEvents.HandoffContext(summary, transcriptUrl(conversation)),
                                config.retrievalTopK())))
                .chain(ready -> persistAll(ready.entries())
                        .chain(() -> labelClarified(conversation.id, result))
                        .chain(() -> store(ready.rows())));
    }

    /** The user said which intent their ambiguous message meant: a label for NLU data (a reviewer's one stands). */
    private Uni<Void> labelClarified(String conversationId, TurnResult result) {
        return result.outputs().stream()
                .filter(Output.Clarified.class::isInstance)
                .map(Output.Clarified.class::cast)
                .findFirst()
                .map(clarified -> transcript.userEntryOf(conversationId, clarified.turnId())
                        .invoke(entry -> {
                            if (entry != null && entry.correctedBy != LabelSource.REVIEWER) {
                                entry.label(clarified.intent(), LabelSource.USER);
                            }
                        })
                        .replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Stores a turn's outbox rows; returns those to publish once the transaction commits (not the held ones). */
    private Uni<List<OutboxEvent>> store(List<OutboxEvent> rows) {
        Uni<Void> stored = rows.isEmpty() ? Uni.createFrom().voidItem() : outbox.persist(rows);
        return stored
                .chain(() -> conversations.flush())
                .replaceWith(() -> rows.stream().filter(row -> row.heldBy == null).toList());
    }

    private static List<OutboxEvent> concat(List<OutboxEvent> first, List<OutboxEvent> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }

    private Uni<Void> persistAll(List<TranscriptEntry> entries) {
        return entries.isEmpty() ? Uni.createFrom().voidItem() : transcript.persist(entries);
    }

    private Uni<Loaded> start(Envelope event, MessageUnderstood understood) {
        Conversation conversation = Conversation.start(event.conversationId(), event.tenantId(),
                event.assistantId(), event.occurredAt());
        AssistantBundle bundle = assistants.bundleFor(event.tenantId(), event.assistantId(), null);
        conversation.assistantVersion = assistants.isFallback(bundle) ? null : bundle.version();
        conversation.userId = understood.userId();
        return conversations.persist(conversation).replaceWith(new Loaded(conversation, true));
    }

    private AssistantBundle bundleOf(Conversation conversation) {
        return assistants.bundleFor(conversation.tenantId, conversation.assistantId, conversation.assistantVersion);
    }

    private Uni<List<ChatTurn>> history(Conversation conversation, AssistantBundle bundle) {
        return transcript.lastEntries(conversation.id, bundle.assistant().settings().historyWindow())
                .map(entries -> entries.stream().map(TranscriptEntry::toChatTurn).toList());
    }

    /** The prompt's window of recent messages, read only when the turn asks the SLM for something. */
    private Uni<List<ChatTurn>> historyIf(boolean needed, Conversation conversation, AssistantBundle bundle) {
        return needed ? history(conversation, bundle) : Uni.createFrom().item(List.of());
    }

    /** An extractive summary for the agent, as of now, read only when the turn hands over. */
    private Uni<String> handoffSummaryIf(boolean needed, Conversation conversation, DialogueState state) {
        if (!needed) {
            return Uni.createFrom().nullItem();
        }
        return transcript.lastEntries(conversation.id, SUMMARY_MESSAGES)
                .map(entries -> MemoryService.extractive(entries, state));
    }

    /** A new conversation starts with what the user allowed the assistant to remember. */
    private Uni<Void> recall(Loaded loaded, AssistantBundle bundle, TurnEvents turn) {
        if (!loaded.started()) {
            return Uni.createFrom().voidItem();
        }
        DialogueState state = new DialogueState();
        return memory.recall(loaded.conversation(), bundle, state)
                .invoke(recalled -> {
                    recalled.forEach(turn::add);
                    loaded.conversation().state = StateCodec.write(state);
                })
                .replaceWithVoid();
    }

    private String transcriptUrl(Conversation conversation) {
        return config.publicUrl() + "/v1/conversations/" + conversation.id + "/transcript";
    }

    /** Applies an event once, in a transaction that sees only the rows of the event's tenant. */
    private Uni<List<OutboxEvent>> onFirstDelivery(Envelope event, Supplier<Uni<List<OutboxEvent>>> apply) {
        return TenantScope.enter(event.tenantId())
                .chain(() -> inbox.firstDelivery(event.eventId()))
                .chain(first -> {
                    if (!first) {
                        Log.debugf("Event %s of conversation %s was already consumed", event.eventId(),
                                event.conversationId());
                        return Uni.createFrom().item(List.<OutboxEvent>of());
                    }
                    return apply.get();
                });
    }

    /** A conversation and whether this turn created it. */
    private record Loaded(Conversation conversation, boolean started) {
    }
}
