package dev.confab.gateway.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Points the {@code chat-outbound} channel at this replica's own partition when {@code gateway.reply-partition} is
 * set: assigned rather than subscribed, so no rebalance ever moves it, and read from its end, since only turns this
 * replica starts from now on are answered there. One setting then drives both the address and the assignment.
 */
public class ReplyPartitionConfig implements ConfigSourceFactory {

    /** Above application.properties (250), below system properties and the environment. */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue partition = context.getValue("gateway.reply-partition");
        if (partition == null || partition.getValue() == null || partition.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(
                "mp.messaging.incoming.chat-outbound.assign-seek", partition.getValue().strip() + ":-1",
                // Offsets of an assigned partition read from its end mean nothing to a later start.
                "mp.messaging.incoming.chat-outbound.commit-strategy", "ignore",
                "mp.messaging.incoming.chat-outbound.enable.auto.commit", "false"),
                "gateway-reply-partition", ORDINAL));
    }
}
