package dev.confab.gateway.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.GenerationCancelled;
import dev.confab.contracts.event.UserMessage;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.logging.EventLogContext;
import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.StreamPosition;
import dev.confab.gateway.config.GatewayConfig;
import dev.confab.gateway.messaging.ForgottenConversations;
import dev.confab.gateway.messaging.MissedReplies;
import dev.confab.gateway.messaging.ReplyRouter;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** Starts a turn for a user message and streams the bot's reply back. */
@ApplicationScoped
public class ChatService {

    private final GatewayConfig config;
    private final EventPublisher publisher;
    private final ReplyRouter router;
    private final MissedReplies missedReplies;
    private final ForgottenConversations forgotten;
    private final ConversationService conversations;

    public ChatService(GatewayConfig config, EventPublisher publisher, ReplyRouter router,
                       MissedReplies missedReplies, ForgottenConversations forgotten,
                       ConversationService conversations) {
        this.conversations = conversations;
        this.config = config;
        this.publisher = publisher;
        this.router = router;
        this.missedReplies = missedReplies;
        this.forgotten = forgotten;
    }

    /**
     * The events of the reply; the stream always ends with {@code done}, after an {@code error} if need be. A
     * client that goes away before {@code done} cancels the turn's generation, so the model stops writing for
     * no one.
     */
    public Multi<StreamEvent> send(String tenant, String conversationId, String text, String channel, String userId,
                                   Optional<String> idempotencyKey) {
        Envelope message = Envelope.first(tenant, config.defaultAssistant(), conversationId,
                        turnId(tenant, conversationId, idempotencyKey), null, new UserMessage(text, channel, userId))
                .withReplyPartition(config.replyPartition().orElse(null));
        EventLogContext.of(message);
        Multi<StreamEvent> replies = router.replies(message.turnId(), publisher.publish(message))
                .ifNoItem().after(config.replyIdleTimeout()).fail()
                .onFailure().recoverWithMulti(failure -> failedTurn(message, failure))
                .onCancellation().invoke(() -> cancelGeneration(message));
        return Heartbeats.around(replies, config.heartbeatEvery());
    }

    /**
     * The conversation's replies that reach this replica, with heartbeats, until the client goes away; after
     * {@code lastEventId} (resuming), first every reply the client missed. Blocks while it asks dialog whether the
     * conversation is the asker's to follow — a signed-in user's is that user's alone ({@code userId} verified, or
     * {@code null}) — and while it checks that id. An erased conversation is gone (410): nothing of it is replayed.
     */
    public Multi<StreamEvent> follow(String tenant, String conversationId, Optional<String> lastEventId,
                                     String userId) {
        // A malformed Last-Event-ID is refused before anyone is asked anything.
        Optional<StreamPosition> resumeAfter = lastEventId.map(StreamPosition::parse);
        if (forgotten.contains(tenant, conversationId)) {
            throw new ClientErrorException("Conversation " + conversationId + " was erased at its user's request",
                    Response.Status.GONE);
        }
        if (!mayFollow(tenant, conversationId, userId)) {
            // Someone else's conversation is as absent as one that never was.
            throw new NotFoundException("No conversation " + conversationId);
        }
        Multi<StreamEvent> missed = resumeAfter
                .map(seen -> missedReplies.after(tenant, conversationId, seen))
                .orElse(Multi.createFrom().empty());
        return Heartbeats.around(router.follow(tenant, conversationId, missed), config.heartbeatEvery());
    }

    /** Blocks for dialog's answer, at most {@code gateway.answer-timeout}. */
    private boolean mayFollow(String tenant, String conversationId, String userId) {
        return conversations.mayFollow(tenant, conversationId, userId)
                .onFailure(TimeoutException.class).transform(timeout -> new WebApplicationException(
                        "Whether this conversation may be followed cannot be checked right now; try again", 503))
                .await().indefinitely();
    }


    /**
     * A turn's id: random, or derived from the client's idempotency key, so that a retried POST names the same turn
     * and dialog does not take it twice (whichever replica the retry reaches).
     */
    private static String turnId(String tenant, String conversationId, Optional<String> idempotencyKey) {
        return idempotencyKey
                .map(key -> UUID.nameUUIDFromBytes((tenant + "/" + conversationId + "/" + key)
                        .getBytes(StandardCharsets.UTF_8)))
                .orElseGet(UUID::randomUUID)
                .toString();
    }

    private void cancelGeneration(Envelope message) {
        publisher.publish(message.next(new GenerationCancelled("client disconnected")))
                .subscribe().with(
                        sent -> Log.debugf("Turn %s: the client went away; generation cancelled", message.turnId()),
                        failure -> Log.warnf("Turn %s: could not cancel its generation: %s", message.turnId(),
                                failure));
    }

    private Multi<StreamEvent> failedTurn(Envelope message, Throwable failure) {
        Log.warnf(failure, "Turn %s of conversation %s failed", message.turnId(), message.conversationId());
        return Multi.createFrom().items(
                StreamEvent.error("The assistant could not reply in time. Please try again."),
                StreamEvent.done(0));
    }
}
