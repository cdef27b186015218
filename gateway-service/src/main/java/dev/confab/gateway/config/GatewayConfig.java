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

    /** Tenant of requests until API keys identify tenants. */
    @WithDefault("default")
    String defaultTenant();

    /** Assistant that answers conversations on this gateway. */
    @WithDefault("bank-support")
    String defaultAssistant();

    /**
     * The partition of {@code chat.outbound} this replica reads when several replicas share the traffic: each gets
     * its own (a StatefulSet's ordinal), the turns it starts ask for their replies there, and it reads no other
     * partition. Unset, the one replica reads every partition and replies follow the conversation id.
     */
    Optional<Integer> replyPartition();
}
