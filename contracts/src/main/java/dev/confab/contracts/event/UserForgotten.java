package dev.confab.contracts.event;

import java.util.List;

/**
 * A user's data was erased from dialog; every consumer must erase what it holds about them too
 * ({@code user.forgotten}). The envelope's conversation id is {@code user:<userId>}, so one key orders all
 * erasures of a user.
 *
 * @param conversationIds the user's conversations that were erased; the envelope's assistant id is {@code all}
 */
public record UserForgotten(String userId, List<String> conversationIds) implements EventPayload {

    public UserForgotten {
        conversationIds = List.copyOf(conversationIds);
    }
}
