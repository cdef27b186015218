package dev.confab.gateway.messaging;

/** Reactive-messaging channel names of the gateway; topics are set in configuration. */
public final class Channels {

    public static final String CHAT_OUTBOUND = "chat-outbound";

    private Channels() {
    }
}
