package dev.confab.contracts;

/** Names of the Kafka topics the services talk over; every topic is keyed by conversation id. */
public final class Topics {

    /** User messages accepted by the gateway. */
    public static final String CHAT_INBOUND = "chat.inbound";
    /**
     * Records of {@code chat.inbound} nlu-service could not process (unreadable bytes, a failure), as they were
     * written, with the reason in the {@code dead-letter-reason} header.
     */
    public static final String CHAT_INBOUND_DEAD_LETTERS = "chat.inbound.dlq";
    /**
     * Records dialog-service could not process (from {@code chat.understood}, the retrieval and generation results,
     * {@code conversation.handoffs}, {@code chat.control}), as they were written, with the reason in the {@code dead-letter-reason} header.
     */
    public static final String DIALOG_DEAD_LETTERS = "dialog.dlq";
    /** Search requests retrieval-service could not process, as they were written, with the reason in a header. */
    public static final String RETRIEVAL_DEAD_LETTERS = "retrieval.dlq";
    /**
     * What a client asks of its conversation besides talking, straight to dialog (no NLU): its history, its end.
     * Answers come back on {@code chat.outbound} like a turn's.
     */
    public static final String CHAT_CONTROL = "chat.control";
    /** NLU results for each user message. */
    public static final String CHAT_UNDERSTOOD = "chat.understood";
    /** Knowledge searches requested by dialog. */
    public static final String RETRIEVAL_REQUESTS = "chat.retrieval.requests";
    /** Knowledge search results for dialog. */
    public static final String RETRIEVAL_RESULTS = "chat.retrieval.results";
    /** Generation work for the SLM. */
    public static final String GENERATION_REQUESTS = "chat.generation.requests";
    /** Finished generations, so dialog can record the bot turn. */
    public static final String GENERATION_RESULTS = "chat.generation.results";
    /** Everything the client sees: tokens, final messages, end of turn. */
    public static final String CHAT_OUTBOUND = "chat.outbound";
    /**
     * Human handoff, both ways: dialog asks for an agent, the agent desk (through the gateway) accepts, writes to
     * the user and gives the conversation back.
     */
    public static final String HANDOFFS = "conversation.handoffs";
    /**
     * Released assistant bundles, compacted, one partition: key {@code tenant/assistant/version}, value a
     * bundle release (every file of the bundle). Every service reads it from the start and keeps its part.
     */
    public static final String ASSISTANT_BUNDLES = "assistant.bundles";
    /**
     * What happened to knowledge bases: one event per document made searchable. Keyed {@code document:<id>};
     * not a conversation topic, so other teams can follow ingestion without reading chat traffic.
     */
    public static final String KNOWLEDGE_EVENTS = "knowledge.events";
    /** The public, versioned stream of conversation events for other teams. */
    public static final String CONVERSATION_EVENTS = "conversation.events";
    /**
     * Append-only record of what agent, reviewer and admin keys did, for a bank's auditors; keyed by
     * {@code audit:<tenant>}. Keep it as long as the law asks (its retention is the operator's).
     */
    public static final String AUDIT = "audit.events";

    private Topics() {
    }
}
