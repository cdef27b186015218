package dev.confab.dialog.messaging;

/** Reactive-messaging channel names of dialog-service; topics are set in configuration. */
public final class DialogChannels {

    public static final String CHAT_UNDERSTOOD = "chat-understood";
    public static final String RETRIEVAL_RESULTS = "retrieval-results";
    public static final String GENERATION_RESULTS = "generation-results";
    public static final String HANDOFFS = "handoffs";
    public static final String CHAT_CONTROL = "chat-control";
    public static final String ASSISTANT_BUNDLES = "assistant-bundles";

    private DialogChannels() {
    }
}
