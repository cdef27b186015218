package dev.confab.dialog.messaging;

import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.contracts.security.Caller;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.service.TurnService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Ends the conversations users left: those quiet past their assistant's timeout get a
 * {@code conversation.end.requested} (reason {@code inactivity}) from dialog itself on {@code chat.control}, so the
 * end is decided in the conversation's own order, after any message the user sent meanwhile, which cancels it.
 * Their open flows are cancelled at the step the user left, which is what drop-off analytics count.
 */
@ApplicationScoped
public class InactivitySweep {

    private static final int BATCH = 100;

    private final ConversationRepository conversations;
    private final EventPublisher publisher;

    public InactivitySweep(ConversationRepository conversations, EventPublisher publisher) {
        this.conversations = conversations;
        this.publisher = publisher;
    }

    @Scheduled(every = "${dialog.inactivity-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return expired()
                .map(found -> found.stream()
                        .map(TurnService::inactivityEndOf)
                        .toList())
                .call(requests -> requests.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : publisher.publishAll(requests))
                .onFailure().invoke(failure -> Log.warnf("Inactivity sweep failed; next sweep retries: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Every tenant's expired conversations: the sweep is the platform's. */
    @WithTransaction
    Uni<List<Conversation>> expired() {
        return TenantScope.enter(Caller.PLATFORM)
                .chain(() -> conversations.expiredBy(Instant.now(), BATCH));
    }
}
