package dev.confab.dialog.repository;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.TranscriptEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Stores and reads conversation transcripts. */
@ApplicationScoped
public class TranscriptRepository implements PanacheRepository<TranscriptEntry> {

    /** The message recorded from one event, or {@code null}. */
    public Uni<TranscriptEntry> findByEvent(UUID eventId) {
        return eventId == null ? Uni.createFrom().nullItem() : find("eventId", eventId).firstResult();
    }

    /** The last {@code count} messages of a conversation, oldest first. */
    public Uni<List<TranscriptEntry>> lastEntries(String conversationId, int count) {
        return find("conversationId", Sort.descending("id"), conversationId)
                .page(0, count)
                .list()
                .map(newestFirst -> {
                    List<TranscriptEntry> entries = new ArrayList<>(newestFirst);
                    Collections.reverse(entries);
                    return entries;
                });
    }

    /** What the bot said in one turn, in order. */
    public Uni<List<TranscriptEntry>> botEntriesOf(String conversationId, String turnId) {
        return list("conversationId = ?1 and turnId = ?2 and speaker = ?3", Sort.ascending("id"), conversationId,
                turnId, ChatTurn.Speaker.BOT);
    }

    /** The messages of several conversations, each conversation's in order. */
    public Uni<List<TranscriptEntry>> entriesOf(List<String> conversationIds) {
        return conversationIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("conversationId in ?1", Sort.ascending("conversationId", "id"), conversationIds);
    }

    /** The user's message of one turn, or {@code null}. */
    public Uni<TranscriptEntry> userEntryOf(String conversationId, String turnId) {
        return find("conversationId = ?1 and turnId = ?2 and speaker = ?3", conversationId, turnId,
                ChatTurn.Speaker.USER)
                .firstResult();
    }

    /**
     * One assistant's user messages worth a person's look, after an entry id, in order: read with little confidence
     * (or not at all) or corrected since, from conversations nobody rejected.
     */
    public Uni<List<TranscriptEntry>> utterancesToReview(String tenantId, String assistantId, double below,
                                                         long after, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery("""
                                select e from TranscriptEntry e
                                join Conversation c on c.id = e.conversationId
                                left join ConversationReview r on r.conversationId = e.conversationId
                                where c.tenantId = :tenant and c.assistantId = :assistant and e.speaker = :user
                                  and e.id > :after
                                  and (r.verdict is null or r.verdict <> :rejected)
                                  and (e.correctedIntent is not null or e.intent is null or e.confidence < :below)
                                order by e.id""", TranscriptEntry.class)
                        .setParameter("tenant", tenantId)
                        .setParameter("assistant", assistantId)
                        .setParameter("user", ChatTurn.Speaker.USER)
                        .setParameter("after", after)
                        .setParameter("rejected", ConversationReview.Verdict.REJECTED)
                        .setParameter("below", below)
                        .setMaxResults(limit)
                        .getResultList());
    }
}
