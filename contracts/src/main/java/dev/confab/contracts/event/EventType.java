package dev.confab.contracts.event;

import dev.confab.contracts.Topics;

import java.util.Arrays;
import java.util.Optional;

/** Every event type of the contract, with its wire name, schema version, payload class and topic. */
public enum EventType {

    USER_MESSAGE("user.message", 1, UserMessage.class, Topics.CHAT_INBOUND),
    MESSAGE_UNDERSTOOD("message.understood", 1, MessageUnderstood.class, Topics.CHAT_UNDERSTOOD),
    RETRIEVAL_REQUESTED("retrieval.requested", 1, RetrievalRequested.class, Topics.RETRIEVAL_REQUESTS),
    RETRIEVAL_PERFORMED("retrieval.performed", 1, RetrievalPerformed.class, Topics.RETRIEVAL_RESULTS),
    GENERATION_REQUESTED("generation.requested", 1, GenerationRequested.class, Topics.GENERATION_REQUESTS),
    GENERATION_CANCELLED("generation.cancelled", 1, GenerationCancelled.class, Topics.GENERATION_REQUESTS),
    GENERATION_COMPLETED("generation.completed", 1, GenerationCompleted.class, Topics.GENERATION_RESULTS),
    REPLY_TOKEN("reply.token", 1, ReplyToken.class, Topics.CHAT_OUTBOUND),
    REPLY_MESSAGE("reply.message", 1, ReplyMessage.class, Topics.CHAT_OUTBOUND),
    REPLY_DONE("reply.done", 1, ReplyDone.class, Topics.CHAT_OUTBOUND),
    REPLY_RETRACT("reply.retract", 1, ReplyRetract.class, Topics.CHAT_OUTBOUND),
    REPLY_HANDOFF("reply.handoff", 1, ReplyHandoff.class, Topics.CHAT_OUTBOUND),
    REPLY_HISTORY("reply.history", 1, ReplyHistory.class, Topics.CHAT_OUTBOUND),
    HISTORY_REQUESTED("history.requested", 1, HistoryRequested.class, Topics.CHAT_CONTROL),
    CONVERSATION_END_REQUESTED("conversation.end.requested", 1, ConversationEndRequested.class, Topics.CHAT_CONTROL),
    CONVERSATION_STARTED("conversation.started", 1, ConversationStarted.class, Topics.CONVERSATION_EVENTS),
    BOT_MESSAGE("bot.message", 1, BotMessage.class, Topics.CONVERSATION_EVENTS),
    TURN_STARTED("turn.started", 1, TurnStarted.class, Topics.CONVERSATION_EVENTS),
    TURN_INTERPRETED("turn.interpreted", 1, TurnInterpreted.class, Topics.CONVERSATION_EVENTS),
    SLOT_SET("slot.set", 1, SlotSet.class, Topics.CONVERSATION_EVENTS),
    FLOW_CHANGED("flow.changed", 1, FlowChanged.class, Topics.CONVERSATION_EVENTS),
    CONVERSATION_ENDED("conversation.ended", 1, ConversationEnded.class, Topics.CONVERSATION_EVENTS),
    USER_FORGOTTEN("user.forgotten", 1, UserForgotten.class, Topics.CONVERSATION_EVENTS),
    GUARDRAIL_VERDICT("guardrail.verdict", 1, GuardrailVerdict.class, Topics.CONVERSATION_EVENTS),
    FEEDBACK_GIVEN("feedback.given", 1, FeedbackGiven.class, Topics.CONVERSATION_EVENTS),
    HANDOFF_REQUESTED("handoff.requested", 1, HandoffRequested.class, Topics.HANDOFFS),
    HANDOFF_ACCEPTED("handoff.accepted", 1, HandoffAccepted.class, Topics.HANDOFFS),
    AGENT_MESSAGE("agent.message", 1, AgentMessage.class, Topics.HANDOFFS),
    HANDOFF_ENDED("handoff.ended", 1, HandoffEnded.class, Topics.HANDOFFS),
    DOCUMENT_INDEXED("knowledge.document.indexed", 1, DocumentIndexed.class, Topics.KNOWLEDGE_EVENTS),
    AUDIT_RECORDED("audit.recorded", 1, AuditRecorded.class, Topics.AUDIT);

    private final String wireName;
    private final int schemaVersion;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;

    EventType(String wireName, int schemaVersion, Class<? extends EventPayload> payloadClass, String topic) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema that describes a whole event of this type. */
    public String schemaResource() {
        return "schemas/v" + schemaVersion + "/" + wireName + ".json";
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(type -> type.payloadClass == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payload.getClass()));
    }
}
