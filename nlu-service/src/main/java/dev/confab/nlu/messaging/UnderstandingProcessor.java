package dev.confab.nlu.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.UserMessage;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.contracts.metrics.TurnStage;
import dev.confab.nlu.config.NluConfig;
import dev.confab.nlu.service.NluModels;
import dev.confab.nlu.service.RecentFallbacks;
import dev.confab.nlu.service.UnderstandingService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads user messages from {@code chat.inbound} and writes what they mean to {@code chat.understood}; keeps the ones
 * it could not handle confidently for utterance discovery.
 */
@ApplicationScoped
public class UnderstandingProcessor {

    public static final String CHAT_INBOUND = "chat-inbound";

    private final UnderstandingService understanding;
    private final NluModels model;
    private final NluConfig config;
    private final RecentFallbacks fallbacks;
    private final Timer stage;
    private final Counter notReady;
    private final EventPublisher publisher;

    public UnderstandingProcessor(UnderstandingService understanding, NluModels model, NluConfig config,
                                  RecentFallbacks fallbacks, MeterRegistry meters, EventPublisher publisher) {
        this.understanding = understanding;
        this.publisher = publisher;
        this.model = model;
        this.config = config;
        this.fallbacks = fallbacks;
        this.stage = TurnStage.timer(meters, "nlu");
        this.notReady = meters.counter("confab.nlu.not.ready");
    }

    /**
     * Skips anything that is not a user message. Blocking: the encoder is CPU-bound. A message for an assistant with
     * no trained model yet is answered at once as not understood ({@code modelReady: false}) rather than kept
     * waiting: waiting would hold up every other assistant's messages on the same partition. The result goes out
     * through the {@link EventPublisher}, as every Confab event does (its key, its CloudEvents headers), and the user
     * message is acknowledged once Kafka has the result; the next message is read meanwhile.
     */
    @Incoming(CHAT_INBOUND)
    @Blocking
    public Uni<Void> understand(Message<Envelope> delivered) {
        Envelope event = delivered.getPayload();
        EventLogContext.of(event);
        if (event == null || !(event.payload() instanceof UserMessage message)) {
            Log.warnf("Skipping an event that is not a user message: %s", event == null ? "unreadable" : event.type());
            return Uni.createFrom().completionStage(delivered.ack());
        }
        publisher.publishThenAck(stage.record(() -> understood(event, message)), delivered);
        return Uni.createFrom().voidItem();
    }

    private Envelope understood(Envelope event, UserMessage message) {
        MessageUnderstood result = model.ifReady(event.tenantId(), event.assistantId())
                .map(pipeline -> understanding.understand(message.text(), pipeline,
                        event.occurredAt().atZone(config.timeZone())))
                .orElseGet(() -> notReady(event, message))
                .from(message.channel(), message.userId());
        if (result.outOfScope() || result.ambiguous()) {
            fallbacks.record(event.tenantId(), event.assistantId(), event.conversationId(), message.text());
        }
        return event.next(result);
    }

    private MessageUnderstood notReady(Envelope event, UserMessage message) {
        notReady.increment();
        Log.infof("No model of %s/%s is ready yet; turn %s is answered as not understood", event.tenantId(),
                event.assistantId(), event.turnId());
        return MessageUnderstood.notReady(message.text());
    }
}
