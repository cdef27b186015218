package dev.confab.analytics.service;

import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.ConversationStarted;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FeedbackGiven;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.TurnStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The running figures of one tenant's assistant, updated by each event and read as a report. */
final class Tally {

    private static final int LATENCY_SAMPLES = 10_000;
    private static final int OPEN_TURNS = 10_000;
    private static final int TOP_INTENTS = 10;

    private final Set<String> conversations = new HashSet<>();
    private final Set<String> handedOver = new HashSet<>();
    private final Map<String, Integer> handoffReasons = new TreeMap<>();
    private final Map<String, Integer> endings = new TreeMap<>();
    private final Map<String, Integer> intents = new HashMap<>();
    private final Map<String, FlowTally> flows = new TreeMap<>();
    private final ArrayDeque<Long> latencies = new ArrayDeque<>();
    // Turns waiting for the bot's first message; bounded, as a turn may never be answered.
    private final Map<String, Instant> openTurns = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > OPEN_TURNS;
        }
    };
    // Conversations erased at their users' request still count; only their ids are gone.
    private int forgottenConversations;
    private int forgottenHandedOver;
    private int turns;
    private int outOfScope;
    private int thumbsUp;
    private int thumbsDown;
    private int csatResponses;
    private long csatSum;

    synchronized void record(Envelope event) {
        String turn = event.conversationId() + "/" + event.turnId();
        Object payload = event.payload();
        if (payload instanceof ConversationStarted) {
            conversations.add(event.conversationId());
        } else if (payload instanceof TurnStarted started) {
            turnStarted(event, started, turn);
        } else if (payload instanceof BotMessage) {
            Instant asked = openTurns.remove(turn);
            if (asked != null) {
                latency(Duration.between(asked, event.occurredAt()).toMillis());
            }
        } else if (payload instanceof HandoffRequested handoff) {
            handedOver.add(event.conversationId());
            handoffReasons.merge(handoff.reason(), 1, Integer::sum);
        } else if (payload instanceof ConversationEnded ended) {
            endings.merge(ended.reason().name(), 1, Integer::sum);
        } else if (payload instanceof FeedbackGiven feedback) {
            feedback(feedback);
        } else if (payload instanceof FlowChanged change) {
            flow(change);
        }
        // Other events (slots, guardrail verdicts, …) change no figure here.
    }

    /**
     * Drops what identifies these conversations (their ids, their turns waiting for a reply) and keeps what they
     * added to the figures: counts are no one's personal data.
     */
    synchronized void forget(List<String> conversationIds) {
        for (String id : conversationIds) {
            if (conversations.remove(id)) {
                forgottenConversations++;
            }
            if (handedOver.remove(id)) {
                forgottenHandedOver++;
            }
            openTurns.keySet().removeIf(turn -> turn.startsWith(id + "/"));
        }
    }

    synchronized AnalyticsReport report(String tenant, String assistant) {
        int seen = conversations.size() + forgottenConversations;
        int handedOff = handedOver.size() + forgottenHandedOver;
        int abandoned = endings.getOrDefault(ConversationEnded.Reason.INACTIVITY.name(), 0);
        AnalyticsReport.Satisfaction satisfaction = new AnalyticsReport.Satisfaction(thumbsUp, thumbsDown,
                csatResponses, csatResponses == 0 ? null : (double) csatSum / csatResponses);
        return new AnalyticsReport(tenant, assistant, seen, turns, share(seen - handedOff, seen),
                share(outOfScope, turns), share(handedOff, seen), Map.copyOf(handoffReasons), share(abandoned, seen),
                Map.copyOf(endings), satisfaction, latency(), topIntents(), funnels());
    }

    private void turnStarted(Envelope event, TurnStarted started, String turn) {
        conversations.add(event.conversationId());
        turns++;
        if (started.outOfScope() || started.intent() == null) {
            outOfScope++;
        } else {
            intents.merge(started.intent(), 1, Integer::sum);
        }
        openTurns.put(turn, event.occurredAt());
    }

    private void feedback(FeedbackGiven feedback) {
        if (feedback.rating() == FeedbackGiven.Rating.UP) {
            thumbsUp++;
        } else if (feedback.rating() == FeedbackGiven.Rating.DOWN) {
            thumbsDown++;
        }
        if (feedback.csat() != null) {
            csatResponses++;
            csatSum += feedback.csat();
        }
    }

    private void flow(FlowChanged change) {
        FlowTally flow = flows.computeIfAbsent(change.flow(), name -> new FlowTally());
        switch (change.change()) {
            case STARTED -> flow.started++;
            case COMPLETED -> flow.completed++;
            case CANCELLED, FAILED -> {
                flow.abandoned++;
                // Events from before steps were named carry none; they count as abandoned, at no known step.
                if (change.step() != null) {
                    flow.abandonedAtStep.merge(change.step(), 1, Integer::sum);
                }
            }
            default -> {
                // Interruptions and resumptions move a flow on the stack; it is still open.
            }
        }
    }

    private void latency(long millis) {
        if (latencies.size() == LATENCY_SAMPLES) {
            latencies.removeFirst();
        }
        latencies.addLast(millis);
    }

    private AnalyticsReport.Latency latency() {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new AnalyticsReport.Latency(0, null, null, null);
        }
        return new AnalyticsReport.Latency(sorted.length, nearestRank(sorted, 0.50), nearestRank(sorted, 0.95),
                nearestRank(sorted, 0.99));
    }

    private List<AnalyticsReport.IntentCount> topIntents() {
        return intents.entrySet().stream()
                .map(entry -> new AnalyticsReport.IntentCount(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(AnalyticsReport.IntentCount::count).reversed()
                        .thenComparing(AnalyticsReport.IntentCount::intent))
                .limit(TOP_INTENTS)
                .toList();
    }

    private List<AnalyticsReport.FlowFunnel> funnels() {
        return flows.entrySet().stream()
                .map(entry -> entry.getValue().funnel(entry.getKey()))
                .toList();
    }

    private static long nearestRank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** One flow's counts. */
    private static final class FlowTally {

        private int started;
        private int completed;
        private int abandoned;
        private final Map<String, Integer> abandonedAtStep = new HashMap<>();

        AnalyticsReport.FlowFunnel funnel(String flow) {
            Map<String, Integer> byStep = new LinkedHashMap<>();
            abandonedAtStep.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(entry -> byStep.put(entry.getKey(), entry.getValue()));
            return new AnalyticsReport.FlowFunnel(flow, started, completed, abandoned,
                    Math.max(0, started - completed - abandoned), byStep);
        }
    }
}
