package dev.confab.export;

import java.util.List;

/** The parts of dialog-service's training-data API the export reads (unknown fields are ignored). */
final class DialogApi {

    private DialogApi() {
    }

    /** A page of approved conversations; {@code next} is the cursor of the following page, null on the last. */
    record ConversationsPage(String system, List<ReviewedConversation> conversations, String next) {
    }

    /** One approved conversation's messages, oldest first. */
    record ReviewedConversation(String conversationId, List<Message> messages) {
    }

    /** What a user, the bot or an agent ({@code provenance} HUMAN) said. */
    record Message(String speaker, String text, String provenance) {

        boolean byUser() {
            return "USER".equals(speaker);
        }

        boolean byAgent() {
            return "HUMAN".equals(provenance);
        }
    }

    /** A page of user messages to review. */
    record UtterancesPage(List<Utterance> utterances, String next) {
    }

    /** A user message with the NLU's reading and, when someone gave it, the intent it really meant. */
    record Utterance(String conversationId, String turnId, String text, String intent, Double confidence,
                     String correctedIntent, String correctedBy) {
    }
}
