package dev.confab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
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

    /** How often an open reply stream gets a heartbeat (an SSE comment) while it waits. */
    @WithDefault("15s")
    Duration heartbeatEvery();

    /**
     * API keys by public id. A client sends the whole key; configuration holds only its SHA-256 (made by
     * {@code bin/confab-api-key}), so it is no secret.
     */
    Map<String, ApiKey> apiKeys();

    /**
     * The tenant a request without an API key acts for, for a local run or a demo; unset (production), every
     * {@code /v1} request needs a key.
     */
    Optional<String> anonymousTenant();

    /** Assistant that answers conversations on this gateway. */
    @WithDefault("bank-support")
    String defaultAssistant();

    /**
     * The partition of {@code chat.outbound} this replica reads when several replicas share the traffic: each gets
     * its own (a StatefulSet's ordinal), the turns it starts ask for their replies there, and it reads no other
     * partition. Unset, the one replica reads every partition and replies follow the conversation id.
     */
    Optional<Integer> replyPartition();

    /** One tenant's API key. */
    interface ApiKey {

        /** The tenant every request with this key acts for. */
        String tenant();

        /** Hex SHA-256 of the whole key. */
        String sha256();

        /** Steady rate allowed, per replica. */
        @WithDefault("10")
        double requestsPerSecond();

        /** Requests allowed at once above the steady rate. */
        @WithDefault("20")
        int burst();
    }
}
