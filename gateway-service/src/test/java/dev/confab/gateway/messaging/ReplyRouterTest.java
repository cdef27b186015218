package dev.confab.gateway.messaging;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply stream holds a bounded number of events for a client that stops reading, then ends, and says so. */
class ReplyRouterTest {

    @Test
    void aStreamWhoseClientStopsReadingEndsOnceItsBufferIsFull() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                // Quarkus's reading of "10s"; outside Quarkus the mapping needs it named.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("gateway.max-pending-events", "16")
                .build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReplyRouter router = new ReplyRouter(meters, config.getConfigMapping(GatewayConfig.class));
        AssertSubscriber<StreamEvent> client = router.replies("t-1", Uni.createFrom().voidItem())
                .subscribe().withSubscriber(AssertSubscriber.create(0));

        for (int index = 0; index < 16; index++) {
            router.route(token(index));
        }
        client.assertNotTerminated();
        router.route(token(16));

        client.assertFailedWith(BackPressureFailure.class);
        assertThat(meters.counter("confab.gateway.streams.overflowed").count()).isEqualTo(1);
    }

    private static ConsumerRecord<String, Envelope> token(int index) {
        return new ConsumerRecord<>(Topics.CHAT_OUTBOUND, 0, index, "c-1",
                Envelope.first("acme", "bank-support", "c-1", "t-1", null, new ReplyToken(index, "word ")));
    }
}
