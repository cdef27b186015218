package dev.confab.dialog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.Slot;
import dev.confab.contracts.event.ChatTurn.Speaker;
import dev.confab.contracts.event.SlotSet;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.UserMemory;
import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Output;
import dev.confab.dialog.engine.TurnResult;
import dev.confab.dialog.repository.TranscriptRepository;
import dev.confab.dialog.repository.UserMemoryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation's memory beyond its window of recent messages: the rolling summary (extractive at once, replaced
 * by the SLM's when it answers) and, when the assistant allows it and the user has consented, long-term facts —
 * the values of slots marked {@code remember} — that a later conversation starts with.
 */
@ApplicationScoped
public class MemoryService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUMMARY_SOURCE_MESSAGES = 40;
    private static final int SUMMARY_MAX_CHARS = 600;

    private final UserMemoryRepository memories;
    private final TranscriptRepository transcript;

    public MemoryService(UserMemoryRepository memories, TranscriptRepository transcript) {
        this.memories = memories;
        this.transcript = transcript;
    }

    /** Slots a new conversation starts with: the user's remembered facts, with their consent. */
    Uni<List<SlotSet>> recall(Conversation conversation, AssistantBundle bundle, DialogueState state) {
        if (!bundle.assistant().settings().longTermMemory() || conversation.userId == null) {
            return Uni.createFrom().item(List.of());
        }
        return memories.of(conversation.tenantId, conversation.userId)
                .map(memory -> {
                    List<SlotSet> recalled = new ArrayList<>();
                    if (memory != null && memory.consent) {
                        factsOf(memory).forEach((slot, value) -> {
                            Slot definition = bundle.slots().get(slot);
                            if (definition != null && definition.remember()) {
                                state.slots.put(slot, value);
                                recalled.add(new SlotSet(slot, value, null, false, "memory"));
                            }
                        });
                    }
                    return recalled;
                });
    }

    /** Keeps the remembered slots the turn set, if the user consented. */
    Uni<Void> remember(Conversation conversation, AssistantBundle bundle, TurnResult result) {
        Map<String, String> learned = new LinkedHashMap<>();
        for (Output output : result.outputs()) {
            if (output instanceof Output.SlotChanged slot && slot.value() != null && !"memory".equals(slot.source())) {
                Slot definition = bundle.slots().get(slot.slot());
                if (definition != null && definition.remember()) {
                    learned.put(slot.slot(), slot.value());
                }
            }
        }
        if (learned.isEmpty() || !bundle.assistant().settings().longTermMemory() || conversation.userId == null) {
            return Uni.createFrom().voidItem();
        }
        return memories.of(conversation.tenantId, conversation.userId)
                .chain(memory -> {
                    if (memory == null || !memory.consent) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, String> facts = factsOf(memory);
                    facts.putAll(learned);
                    memory.facts = write(facts);
                    memory.updatedAt = Instant.now();
                    return Uni.createFrom().voidItem();
                });
    }

    /** Records or withdraws a user's consent; withdrawing erases what was remembered. */
    public Uni<UserMemory> consent(String tenantId, String userId, boolean consent) {
        return memories.of(tenantId, userId)
                .chain(found -> {
                    UserMemory memory = found == null ? UserMemory.empty(tenantId, userId) : found;
                    memory.consent = consent;
                    if (!consent) {
                        memory.facts = "{}";
                    }
                    memory.updatedAt = Instant.now();
                    return found == null ? memories.persist(memory) : Uni.createFrom().item(memory);
                });
    }

    public Uni<Optional<UserMemory>> of(String tenantId, String userId) {
        return memories.of(tenantId, userId).map(Optional::ofNullable);
    }

    /**
     * Refreshes the extractive summary every {@code summary_every_turns} user turns; returns whether it did, so the
     * caller can also ask the SLM for a better one.
     */
    Uni<Boolean> refreshSummary(Conversation conversation, AssistantBundle bundle, DialogueState state) {
        if (state.userTurns == 0 || state.userTurns % bundle.assistant().settings().summaryEveryTurns() != 0) {
            return Uni.createFrom().item(false);
        }
        return transcript.lastEntries(conversation.id, SUMMARY_SOURCE_MESSAGES)
                .map(entries -> {
                    conversation.summary = extractive(entries, state);
                    return true;
                });
    }

    /** What the user asked for, first sentence of each message, and what is known so far. */
    static String extractive(List<TranscriptEntry> entries, DialogueState state) {
        List<String> asked = new ArrayList<>();
        for (TranscriptEntry entry : entries) {
            if (entry.speaker == Speaker.USER) {
                asked.add(entry.text.split("(?<=[.!?])\\s", 2)[0].strip());
            }
        }
        StringBuilder summary = new StringBuilder("The user said: ").append(String.join(" / ", asked)).append('.');
        if (!state.slots.isEmpty()) {
            summary.append(" Known: ");
            state.slots.forEach((slot, value) -> summary.append(slot).append('=').append(value).append("; "));
        }
        String text = summary.toString().strip();
        return text.length() <= SUMMARY_MAX_CHARS ? text : "…" + text.substring(text.length() - SUMMARY_MAX_CHARS);
    }

    /** The remembered facts: slot → value. */
    public static Map<String, String> factsOf(UserMemory memory) {
        try {
            return new LinkedHashMap<>(JSON.readValue(memory.facts, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable memory of " + memory.id, e);
        }
    }

    private static String write(Map<String, String> facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
