package dev.confab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the public chat API. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Longest user message accepted, in characters. */
    @WithDefault("4000")
    int maxMessageChars();

    /** Longest wait for the next reply event of a turn before the stream ends with an error. */
    @WithDefault("60s")
    Duration replyIdleTimeout();

    /** Longest wait for dialog's answer to a request that is not a turn (a conversation's history). */
    @WithDefault("10s")
    Duration answerTimeout();

    /** Most messages a history request returns. */
    @WithDefault("500")
    int maxHistory();

    /**
     * Streams that may be catching up on missed replies at once on this replica (each reads {@code chat.outbound}
     * with a consumer of its own); more resuming clients are told to retry (503).
     */
    @WithDefault("32")
    int maxResumingStreams();

    /**
     * Events a reply stream holds for a client that reads slower than they come (a turn streams a few hundred
     * tokens); past it the stream ends and the client resumes with Last-Event-ID.
     */
    @WithDefault("1024")
    int maxPendingEvents();

    /** How often an open reply stream gets a heartbeat (an SSE comment) while it waits. */
    @WithDefault("15s")
    Duration heartbeatEvery();

    /** Assistant that answers conversations on this gateway. */
    @WithDefault("bank-support")
    String defaultAssistant();

    /**
     * The partition of {@code chat.outbound} this replica reads when several replicas share the traffic: each gets
     * its own (a StatefulSet's ordinal), the turns it starts ask for their replies there, and it reads no other
     * partition. Unset, the one replica reads every partition and replies follow the conversation id.
     */
    Optional<Integer> replyPartition();

    /** How end users are verified; unset, no request names a user. */
    Users users();

    /** The identity provider whose tokens name the signed-in user ({@code X-User-Token}). */
    interface Users {

        /** The {@code iss} every user token must carry, e.g. {@code https://login.bank.example}. */
        Optional<String> issuer();

        /** Where the provider's signing keys are: a JWKS URL ({@code …/.well-known/jwks.json}) or a file. */
        Optional<String> jwks();
    }
}
