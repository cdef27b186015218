package dev.confab.dialog.repository;

import dev.confab.dialog.Conversation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores conversations. */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {
}
