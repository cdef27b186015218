package dev.confab.nlu.service;

import dev.confab.nlu.config.NluConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest messages each assistant could not handle confidently (out of scope or ambiguous): what utterance
 * discovery clusters when a designer asks "what are customers asking that we do not cover?". Kept in memory per
 * tenant and assistant, never mixed, the oldest dropped first; a restart starts afresh. A forgotten user's messages
 * are dropped.
 */
@ApplicationScoped
public class RecentFallbacks {

    private final NluConfig config;
    private final Map<String, Deque<Fallback>> byAssistant = new ConcurrentHashMap<>();

    public RecentFallbacks(NluConfig config) {
        this.config = config;
    }

    public void record(String tenantId, String assistantId, String conversationId, String text) {
        Deque<Fallback> recent = byAssistant.computeIfAbsent(key(tenantId, assistantId), key -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(new Fallback(conversationId, text.length() > config.maxClassifiedChars()
                    ? text.substring(0, config.maxClassifiedChars())
                    : text));
            while (recent.size() > config.discovery().recentFallbacks()) {
                recent.removeFirst();
            }
        }
    }

    /** Oldest first. */
    public List<String> of(String tenantId, String assistantId) {
        Deque<Fallback> recent = byAssistant.get(key(tenantId, assistantId));
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return recent.stream().map(Fallback::text).toList();
        }
    }

    /** Drops every message of these conversations of the tenant's assistants. */
    public void forget(String tenantId, Collection<String> conversationIds) {
        byAssistant.forEach((key, recent) -> {
            if (key.startsWith(tenantId + "/")) {
                synchronized (recent) {
                    recent.removeIf(fallback -> conversationIds.contains(fallback.conversationId()));
                }
            }
        });
    }

    private static String key(String tenantId, String assistantId) {
        return tenantId + "/" + assistantId;
    }

    /** A message and the conversation it came from, so erasing a user can find it. */
    private record Fallback(String conversationId, String text) {
    }
}
