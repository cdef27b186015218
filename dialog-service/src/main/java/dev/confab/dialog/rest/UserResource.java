package dev.confab.dialog.rest;

import dev.confab.contracts.event.UserForgotten;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.Audited;
import dev.confab.contracts.security.Roles;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.messaging.OutboxRelay;
import dev.confab.dialog.service.MemoryService;
import dev.confab.dialog.service.UserService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A user's data held by dialog: consent to long-term memory, what is remembered, and erasure
 * ({@code DELETE /v1/users/{id}?tenant=...}), which every other service follows through {@code user.forgotten}.
 */
@Audited
@RolesAllowed(Roles.ADMIN)
@Path("/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final MemoryService memory;
    private final OutboxRelay relay;

    public UserResource(UserService users, MemoryService memory, OutboxRelay relay) {
        this.users = users;
        this.memory = memory;
        this.relay = relay;
    }

    @DELETE
    public Uni<UserForgotten> forget(@RestPath String userId, @RestQuery String tenant) {
        check(userId, tenant);
        return users.forget(tenant, userId)
                .call(relay::publish)
                .map(rows -> (UserForgotten) rows.get(0).envelope().payload());
    }

    @GET
    @Path("/memory")
    @WithTransaction
    public Uni<MemoryView> memory(@RestPath String userId, @RestQuery String tenant) {
        check(userId, tenant);
        return TenantScope.enter(tenant)
                .chain(() -> memory.of(tenant, userId))
                .map(found -> found.map(MemoryView::of).orElse(MemoryView.none()));
    }

    @PUT
    @Path("/memory")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<MemoryView> consent(@RestPath String userId, @RestQuery String tenant, ConsentRequest request) {
        check(userId, tenant);
        if (request == null || request.consent() == null) {
            throw new InvalidRequestException("The body must say {\"consent\": true} or {\"consent\": false}");
        }
        return TenantScope.enter(tenant)
                .chain(() -> memory.consent(tenant, userId, request.consent()))
                .map(MemoryView::of);
    }

    private static void check(String userId, String tenant) {
        if (tenant == null) {
            throw new InvalidRequestException("Query parameter 'tenant' is required: users belong to a tenant");
        }
        Identifiers.require(tenant, "tenant");
        Identifiers.require(userId, "user id");
    }
}
