package dev.confab.analytics.service;

import java.util.List;
import java.util.Map;

/**
 * One assistant's conversations in figures, as computed from the public conversation events.
 *
 * @param conversations   conversations seen (started, or with a turn)
 * @param turns           user messages
 * @param containmentRate share of conversations the bot handled without handing over to a human
 * @param fallbackRate    share of user messages that were out of scope
 * @param handoffRate     share of conversations handed over to a human
 * @param handoffReasons  handoffs by the reason dialog gave
 * @param abandonmentRate share of conversations that ended because the user went quiet
 * @param endings         ended conversations by reason (GOODBYE, CLOSED, INACTIVITY)
 * @param satisfaction    thumbs and CSAT the users gave
 * @param turnLatencyMs   from a user message reaching dialog to the bot's first message of that turn
 * @param topIntents      the most frequent intents, most frequent first
 * @param flows           per flow: started, completed, cancelled or failed (and at which step), and still open
 */
public record AnalyticsReport(String tenant, String assistant, int conversations, int turns, double containmentRate,
                              double fallbackRate, double handoffRate, Map<String, Integer> handoffReasons,
                              double abandonmentRate, Map<String, Integer> endings, Satisfaction satisfaction,
                              Latency turnLatencyMs, List<IntentCount> topIntents, List<FlowFunnel> flows) {

    /** Thumbs on messages and the CSAT of conversations. */
    public record Satisfaction(int thumbsUp, int thumbsDown, int csatResponses, Double csatAverage) {
    }

    /** Percentiles (nearest rank) over the most recent turns; null without any. */
    public record Latency(int samples, Long p50, Long p95, Long p99) {
    }

    /** How often an intent was the best one. */
    public record IntentCount(String intent, int count) {
    }

    /**
     * Where users drop out of a flow: {@code open} is started minus completed minus abandoned;
     * {@code abandonedAtStep} counts the abandoned ones by the step they were at, most first.
     */
    public record FlowFunnel(String flow, int started, int completed, int abandoned, int open,
                             Map<String, Integer> abandonedAtStep) {
    }
}
