package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.expression.Template;
import dev.confab.bundle.model.Action;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.kafka.EventPublisher;
import dev.confab.dialog.client.ActionClient;
import dev.confab.dialog.engine.DialogueEngine;
import dev.confab.dialog.engine.DialogueState;
import dev.confab.dialog.engine.Output;
import dev.confab.dialog.engine.TurnResult;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the HTTP actions a turn calls, inside the turn, so an action's result and the state change it causes commit
 * together. The cost is a database connection held for the call, bounded by the action's timeout and retries. When
 * an action is slow, the user hears "one moment" at once; that interim reply is not part of the transcript.
 */
@ApplicationScoped
public class ActionRunner {

    private final ActionClient client;
    private final EventPublisher publisher;

    public ActionRunner(ActionClient client, EventPublisher publisher) {
        this.client = client;
        this.publisher = publisher;
    }

    /** The turn's result once every action it calls, one after another, has answered or failed. */
    Uni<TurnResult> settle(AssistantBundle bundle, Envelope cause, DialogueState state, TurnResult result) {
        return settle(bundle, cause, state, result, 0);
    }

    /**
     * The key a backend may use to act once: the same for a step of a turn however often it is tried — a retry
     * after a timeout, the whole turn again after an optimistic-lock conflict or a redelivered event — and
     * different for every other step.
     */
    static String idempotencyKey(Envelope cause, String action, int step) {
        String identity = cause.conversationId() + "\n" + cause.turnId() + "\n" + action + "\n" + step;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Uni<TurnResult> settle(AssistantBundle bundle, Envelope cause, DialogueState state, TurnResult result,
                                   int step) {
        if (result.pendingAction().isEmpty()) {
            return Uni.createFrom().item(result);
        }
        Output.CallAction call = result.pendingAction().get();
        Action action = bundle.actions().get(call.action());
        Cancellable interim = interim(bundle, cause, action);
        String breaker = cause.tenantId() + "/" + cause.assistantId() + "/" + call.action();
        return client.call(cause.tenantId(), breaker, action, call.values(),
                        idempotencyKey(cause, call.action(), step))
                .map(values -> DialogueEngine.onAction(bundle, state, cause.turnId(), values, false))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Action %s of conversation %s failed: %s", breaker, cause.conversationId(),
                            failure.getMessage());
                    return DialogueEngine.onAction(bundle, state, cause.turnId(), Map.of(), true);
                })
                .eventually(interim::cancel)
                .map(result::then)
                .chain(next -> settle(bundle, cause, state, next, step + 1));
    }

    private Cancellable interim(AssistantBundle bundle, Envelope cause, Action action) {
        String text = Template.render(bundle.responses().get("action_interim").text().get(0), name -> null);
        return Uni.createFrom().voidItem()
                .onItem().delayIt().by(Duration.ofMillis(action.interimAfterMillis()))
                .chain(() -> publisher.publish(cause.next(new ReplyMessage(text, Provenance.TEMPLATE, List.of()))))
                .subscribe().with(sent -> Log.debugf("Told conversation %s to wait", cause.conversationId()),
                        failure -> Log.debugf("No interim reply for %s: %s", cause.conversationId(), failure));
    }
}
