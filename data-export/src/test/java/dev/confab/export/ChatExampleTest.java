package dev.confab.export;

import dev.confab.export.ChatExample.Turn;
import dev.confab.export.DialogApi.Message;
import dev.confab.export.DialogApi.ReviewedConversation;
import dev.confab.export.DialogApi.Utterance;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Approved conversations as fine-tuning examples, and user messages as review rows, with personal data hidden. */
class ChatExampleTest {

    private static final PiiFinder FINDER = new PiiFinder("GB");
    private static final String SYSTEM = "You are Ava, the Confab Bank assistant.";

    @Test
    void aConversationBecomesAlternatingMessagesWithTheSamePlaceholderForTheSameValue() {
        ReviewedConversation conversation = new ReviewedConversation("c-1", List.of(
                user("I never got my card, write to Jo.Smith@example.com"),
                bot("Hi, I'm Ava."),
                bot("I'll email jo.smith@example.com when it ships."),
                user("My other card 4111 1111 1111 1111 works"),
                bot("Good to hear.")));

        ChatExample example = ChatExample.of(SYSTEM, conversation, FINDER).orElseThrow();

        assertThat(example.messages()).containsExactly(
                new Turn("system", SYSTEM),
                new Turn("user", "I never got my card, write to [EMAIL_1]"),
                new Turn("assistant", "Hi, I'm Ava.\n\nI'll email [EMAIL_1] when it ships."),
                new Turn("user", "My other card [CARD_NUMBER_1] works"),
                new Turn("assistant", "Good to hear."));
        assertThat(example.redacted()).isEqualTo(2);
    }

    @Test
    void theExampleEndsWhereAPersonTookOverAndDropsAnUnansweredLastMessage() {
        ReviewedConversation conversation = new ReviewedConversation("c-2", List.of(
                user("Someone took money from my account"),
                bot("I'm sorry. Let me get a colleague."),
                user("ok"),
                new Message("BOT", "Hi, Sam here. I've refunded the payment.", "HUMAN"),
                bot("Is there anything else?")));

        assertThat(ChatExample.of(SYSTEM, conversation, FINDER).orElseThrow().messages())
                .extracting(Turn::content)
                .containsExactly(SYSTEM, "Someone took money from my account", "I'm sorry. Let me get a colleague.");
    }

    @Test
    void aConversationWhereTheBotNeverAnsweredTheUserMakesNoExample() {
        ReviewedConversation greetedOnly = new ReviewedConversation("c-3", List.of(bot("Hi, I'm Ava."),
                user("hello?")));

        assertThat(ChatExample.of(SYSTEM, greetedOnly, FINDER)).isEmpty();
    }

    @Test
    void aReviewRowHidesPersonalDataAndKeepsTheNlusReadingAndTheLabel() {
        Utterance utterance = new Utterance("c-4", "t-2", "call me on 07911 123456 about my card", "card_arrival",
                0.31, "lost_or_stolen_card", "REVIEWER");
        Placeholders placeholders = new Placeholders(FINDER);

        assertThat(ReviewRow.of(utterance, placeholders)).isEqualTo(new ReviewRow("call me on [PHONE_1] about my card",
                "card_arrival", 0.31, "lost_or_stolen_card", "REVIEWER", "c-4", "t-2"));
        assertThat(placeholders.size()).isEqualTo(1);
    }

    private static Message user(String text) {
        return new Message("USER", text, null);
    }

    private static Message bot(String text) {
        return new Message("BOT", text, "TEMPLATE");
    }
}
