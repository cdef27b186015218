package dev.confab.bundle.model;

import dev.confab.bundle.expression.Condition;

import java.util.List;
import java.util.Map;

/** One step of a flow; {@code id} names it as a branch target and is {@code null} when none is given. */
public sealed interface Step {

    String id();

    /**
     * What analytics and events call this step: its {@code id} when the bundle gives one, else what it does
     * ({@code collect_transfer_amount}, {@code action_block_card}…), which stays put when steps are reordered.
     */
    default String name() {
        if (id() != null) {
            return id();
        }
        if (this instanceof Collect collect) {
            return "collect_" + collect.slot();
        } else if (this instanceof CallAction call) {
            return "action_" + call.action();
        } else if (this instanceof Respond respond) {
            return "respond_" + respond.response();
        } else if (this instanceof Generate generate) {
            return "generate_" + generate.prompt();
        } else if (this instanceof Link link) {
            return "link_" + link.flow();
        } else if (this instanceof Call call) {
            return "call_" + call.flow();
        } else if (this instanceof Handoff) {
            return "handoff";
        } else if (this instanceof SearchKnowledge) {
            return "search_knowledge";
        } else if (this instanceof Branch) {
            return "branch";
        }
        return "set_slots";
    }

    /** Asks for a slot unless it already has a value (a user may give it early); re-asks when unusable. */
    record Collect(String id, String slot, String ask, boolean optional) implements Step {
    }

    /** Sets slots to fixed values ({@code null} clears one). */
    record SetSlots(String id, Map<String, Object> values) implements Step {
    }

    /** Jumps to the first case whose condition holds ({@code when == null} is the else case). */
    record Branch(String id, List<Case> cases) implements Step {
    }

    /** A branch case: the step to go to, or {@link #END}. */
    record Case(Condition when, String target) {
        public static final String END = "end";
    }

    /** Calls an HTTP action. */
    record CallAction(String id, String action) implements Step {
    }

    /** Says a response. */
    record Respond(String id, String response) implements Step {
    }

    /**
     * Asks the SLM with a prompt template: its answer fills {@code slot} (typed by the slot's type), or, without a
     * slot, is said to the user.
     */
    record Generate(String id, String prompt, String slot) implements Step {
    }

    /** Answers from the knowledge base (retrieval, then generation); {@code query} defaults to the user's words. */
    record SearchKnowledge(String id, String query) implements Step {
    }

    /** Ends this flow and starts another. */
    record Link(String id, String flow) implements Step {
    }

    /** Runs another flow, then comes back to the next step. */
    record Call(String id, String flow) implements Step {
    }

    /** Hands the conversation to a human agent. */
    record Handoff(String id, String reason) implements Step {
    }
}
