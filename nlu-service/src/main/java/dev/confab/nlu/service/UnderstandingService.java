package dev.confab.nlu.service;

import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.UserMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Understands a user message. No intent model is trained yet, so every message comes out with no intent
 * (out of scope) and an undetermined language, which sends dialog down its knowledge-answer path.
 */
@ApplicationScoped
public class UnderstandingService {

    /** Version reported while no model is trained. */
    public static final String UNTRAINED = "untrained";

    public MessageUnderstood understand(UserMessage message) {
        return new MessageUnderstood(message.text(), "und", List.of(), List.of(), UNTRAINED);
    }
}
