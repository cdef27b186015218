package dev.confab.dialog.service;

import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.ConversationStarted;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.config.DialogConfig;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.InboxRepository;
import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs each turn: records what was said and decides the next step. With no flows defined yet, every turn takes
 * the cannot-handle path: search the knowledge base, then let the SLM answer from what was found.
 * Each method consumes one event exactly once and returns the events to publish after its transaction commits.
 */
@ApplicationScoped
public class TurnService {

    private final DialogConfig config;
    private final ConversationRepository conversations;
    private final TranscriptRepository transcript;
    private final InboxRepository inbox;

    public TurnService(DialogConfig config, ConversationRepository conversations, TranscriptRepository transcript,
                       InboxRepository inbox) {
        this.config = config;
        this.conversations = conversations;
        this.transcript = transcript;
        this.inbox = inbox;
    }

    /** Records the user's message and asks retrieval for knowledge about it. */
    @WithTransaction
    public Uni<List<Envelope>> userSpoke(Envelope event, MessageUnderstood understood) {
        return onFirstDelivery(event, () -> conversations.findById(event.conversationId())
                .chain(conversation -> conversation == null ? start(event) : touch(conversation, event))
                .call(() -> transcript.persist(TranscriptEntry.of(event, Speaker.USER, understood.text(), null)))
                .map(started -> append(started,
                        event.next(new RetrievalRequested(understood.text(), config.retrievalTopK())))));
    }

    /** Asks generation for an answer from the conversation so far and the passages found. */
    @WithTransaction
    public Uni<List<Envelope>> knowledgeFound(Envelope event, RetrievalPerformed result) {
        return onFirstDelivery(event, () -> transcript.lastEntries(event.conversationId(), config.historyWindow())
                .map(entries -> List.of(event.next(new GenerationRequested(
                        GenerationTask.ANSWER,
                        entries.stream().map(TranscriptEntry::toChatTurn).toList(),
                        result.passages(),
                        config.noAnswerText())))));
    }

    /** Records the bot's answer and announces it on the public stream. */
    @WithTransaction
    public Uni<List<Envelope>> botAnswered(Envelope event, GenerationCompleted answer) {
        return onFirstDelivery(event, () -> conversations.findById(event.conversationId())
                .chain(conversation -> touch(conversation, event))
                .call(() -> transcript.persist(
                        TranscriptEntry.of(event, Speaker.BOT, answer.text(), answer.provenance())))
                .map(ignored -> List.of(
                        event.next(new BotMessage(answer.text(), answer.provenance(), answer.citations())))));
    }

    private Uni<List<Envelope>> onFirstDelivery(Envelope event, Supplier<Uni<List<Envelope>>> apply) {
        return inbox.firstDelivery(event.eventId())
                .chain(first -> {
                    if (!first) {
                        Log.debugf("Event %s of conversation %s was already consumed", event.eventId(),
                                event.conversationId());
                        return Uni.createFrom().item(List.<Envelope>of());
                    }
                    return apply.get();
                });
    }

    private Uni<List<Envelope>> start(Envelope event) {
        Conversation conversation = Conversation.start(event.conversationId(), event.tenantId(),
                event.assistantId(), event.occurredAt());
        return conversations.persist(conversation)
                .replaceWith(List.of(event.next(new ConversationStarted(null))));
    }

    private Uni<List<Envelope>> touch(Conversation conversation, Envelope event) {
        conversation.lastActivityAt = event.occurredAt();
        return Uni.createFrom().item(List.of());
    }

    private static List<Envelope> append(List<Envelope> first, Envelope last) {
        return Stream.concat(first.stream(), Stream.of(last)).toList();
    }
}
