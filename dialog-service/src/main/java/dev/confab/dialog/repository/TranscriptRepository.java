package dev.confab.dialog.repository;

import dev.confab.contracts.event.ChatTurn;
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
}
