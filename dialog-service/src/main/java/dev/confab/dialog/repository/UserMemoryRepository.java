package dev.confab.dialog.repository;

import dev.confab.dialog.UserMemory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stores users' long-term memory. */
@ApplicationScoped
public class UserMemoryRepository implements PanacheRepositoryBase<UserMemory, String> {

    public Uni<UserMemory> of(String tenantId, String userId) {
        return findById(UserMemory.key(tenantId, userId));
    }
}
