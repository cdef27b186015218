package dev.confab.contracts.event;

/** The body of an event; each implementation is one event type of the public contract. */
public sealed interface EventPayload permits UserMessage, MessageUnderstood, RetrievalRequested, RetrievalPerformed,
        GenerationRequested, GenerationCompleted, ReplyToken, ReplyMessage, ReplyDone, ConversationStarted, BotMessage,
        TurnStarted, TurnInterpreted, SlotSet, FlowChanged, ConversationEnded, HandoffRequested, HandoffAccepted,
        AgentMessage, HandoffEnded, UserForgotten, DocumentIndexed, ReplyRetract, GuardrailVerdict,
        GenerationCancelled, FeedbackGiven, ReplyHandoff, ReplyHistory, HistoryRequested, ConversationEndRequested,
        AuditRecorded {
}
