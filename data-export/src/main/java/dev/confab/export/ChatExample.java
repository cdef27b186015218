package dev.confab.export;

import dev.confab.export.DialogApi.Message;
import dev.confab.export.DialogApi.ReviewedConversation;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One fine-tuning example in the chat format most trainers read ({@code {"messages": [{"role", "content"}…]}}): the
 * persona as the system message, then the conversation, personal data behind the placeholders generation puts in
 * the model's prompts at run time, so the model learns on what it will see.
 *
 * @param redacted how many distinct personal values were hidden
 */
record ChatExample(List<Turn> messages, int redacted) {

    /** One message of the example. */
    record Turn(String role, String content) {
    }

    /**
     * The example an approved conversation makes, if any: it needs a user message the assistant answered.
     * Consecutive messages of one side are joined, as chat templates expect the roles to alternate.
     */
    static Optional<ChatExample> of(String system, ReviewedConversation conversation, PiiFinder finder) {
        Placeholders placeholders = new Placeholders(finder);
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn("system", system));
        for (Message message : conversation.messages()) {
            if (message.byAgent()) {
                // Past a handoff a person speaks, and can do what the bot cannot: not the bot's example to learn.
                break;
            }
            String role = message.byUser() ? "user" : "assistant";
            String content = placeholders.redact(message.text());
            Turn last = turns.get(turns.size() - 1);
            if (last.role().equals(role)) {
                turns.set(turns.size() - 1, new Turn(role, last.content() + "\n\n" + content));
            } else {
                turns.add(new Turn(role, content));
            }
        }
        if (turns.get(turns.size() - 1).role().equals("user")) {
            // The user's last words went unanswered (they left, or a person answered): nothing to learn from them.
            turns.remove(turns.size() - 1);
        }
        boolean answered = turns.stream().anyMatch(turn -> turn.role().equals("user"));
        return answered ? Optional.of(new ChatExample(turns, placeholders.size())) : Optional.empty();
    }
}
