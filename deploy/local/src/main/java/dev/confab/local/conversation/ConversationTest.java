package dev.confab.local.conversation;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One conversation test: what a user says, turn by turn, and what must hold after each turn.
 *
 * @param where  {@code file:line} of the test, for failure messages
 * @param userId the signed-in user, or {@code null}
 */
public record ConversationTest(String name, String where, String userId, List<Turn> turns) {

    public ConversationTest {
        turns = List.copyOf(turns);
    }

    /**
     * One user turn and its expectations; {@code null} expectations are not checked.
     *
     * @param bot     patterns that must each match one of the bot's messages of the turn (regex, found anywhere)
     * @param intent  the intent the NLU gave the message ({@code out_of_scope} for none)
     * @param slots   slot → value after the turn ({@code null} value: not set)
     * @param flow    the flow in progress after the turn ({@code none} for no flow)
     * @param handoff whether the conversation has been handed to a human by then
     */
    public record Turn(String where, String user, List<Pattern> bot, String intent, Map<String, String> slots,
                       String flow, Boolean handoff) {

        public Turn {
            bot = List.copyOf(bot);
        }
    }
}
