package dev.confab.dialog.engine;

import dev.confab.bundle.AssistantBundle;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.MessageUnderstood;

import java.time.Instant;
import java.util.Map;

/**
 * The conversation engine: given an assistant bundle and a conversation's state, decides what each input leads to.
 * Pure and synchronous — no I/O — so every repair rule is testable on its own; dialog-service stores the state and
 * turns the outputs into events.
 */
public final class DialogueEngine {

    private DialogueEngine() {
    }

    /** A user message. */
    public static TurnResult onMessage(AssistantBundle bundle, DialogueState state, String turnId,
                                       MessageUnderstood message, Instant at) {
        return new TurnRun(bundle, state, turnId).message(message, at);
    }

    /** The knowledge answer asked for in this turn has been given. */
    public static TurnResult onKnowledgeAnswered(AssistantBundle bundle, DialogueState state, String turnId) {
        return new TurnRun(bundle, state, turnId).knowledgeAnswered();
    }

    /** Generation answered a generate step of this turn. */
    public static TurnResult onGenerated(AssistantBundle bundle, DialogueState state, String turnId, String text) {
        return new TurnRun(bundle, state, turnId).generated(text);
    }

    /** The action called in this turn answered ({@code values}: slot → value) or failed. */
    public static TurnResult onAction(AssistantBundle bundle, DialogueState state, String turnId,
                                      Map<String, String> values, boolean failed) {
        return new TurnRun(bundle, state, turnId).actionDone(values, failed);
    }

    /** The human agent handed the conversation back. */
    public static TurnResult onAgentReturned(AssistantBundle bundle, DialogueState state, String turnId) {
        return new TurnRun(bundle, state, turnId).agentReturned();
    }

    /**
     * The conversation is over without a word: the client closed it (CLOSED), or the user left it (INACTIVITY).
     * Every flow is cancelled at the step it was at.
     */
    public static TurnResult onClosed(AssistantBundle bundle, DialogueState state, String turnId,
                                      ConversationEnded.Reason reason) {
        return new TurnRun(bundle, state, turnId).closed(reason);
    }
}
