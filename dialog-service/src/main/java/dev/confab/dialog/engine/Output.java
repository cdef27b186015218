package dev.confab.dialog.engine;

import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.GenerationTask;

import java.util.Map;

/** Something a turn makes happen; dialog turns each into events once the turn's state is stored. */
public sealed interface Output {

    /** The bot says a rendered response. */
    record Say(String text, String response) implements Output {
    }

    /**
     * The user answered "did you mean … or …?": their message of turn {@code turnId} meant {@code intent}, a label
     * for NLU training data that no reviewer had to give.
     */
    record Clarified(String turnId, String intent) implements Output {
    }

    /** A slot changed. */
    record SlotChanged(String slot, String value, String previous, boolean corrected, String source)
            implements Output {
    }

    /** A flow started, ended, was interrupted, resumed or cancelled. */
    record FlowEvent(String flow, FlowChange change, int depth, String step) implements Output {
    }

    /**
     * Answer from the knowledge base; {@code query} is what to search for. With {@code smallTalkIfNothing} the
     * message was out of scope, so when nothing relevant is found the SLM makes small talk within the persona
     * instead of saying it does not know.
     */
    record SearchKnowledge(String query, boolean smallTalkIfNothing) implements Output {
    }

    /**
     * Ask the SLM: {@code slot} is filled silently by the answer, or the answer is said when it is {@code null}
     * (a {@code COMMAND} is never said); {@code schema} is the JSON schema the answer must follow, when the task's
     * own does not do.
     */
    record Generate(GenerationTask task, String instructions, String slot, String schema) implements Output {

        Generate(GenerationTask task, String instructions, String slot) {
            this(task, instructions, slot, null);
        }
    }

    /**
     * The SLM read a message the NLU could not: its command ({@code null}: none it could read) was acted on
     * ({@code dropped} is {@code null}) or dropped for that reason.
     */
    record Interpreted(String command, String target, String dropped) implements Output {
    }

    /** Call an HTTP action with these slot values; its result comes back through {@code DialogueEngine.onAction}. */
    record CallAction(String action, Map<String, String> values) implements Output {
    }

    /** Hand the conversation to a human agent. */
    record HandOff(String reason, String flow) implements Output {
    }

    /** The conversation is over. */
    record End(ConversationEnded.Reason reason) implements Output {
    }
}
