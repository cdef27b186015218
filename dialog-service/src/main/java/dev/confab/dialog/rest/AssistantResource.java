package dev.confab.dialog.rest;

import dev.confab.contracts.security.Roles;
import dev.confab.dialog.service.AssistantRegistry;
import dev.confab.dialog.service.AssistantStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/**
 * Which bundle version of an assistant is served, which are still loaded, why the last refused one was, and the
 * intents it knows.
 */
@RolesAllowed({Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
@Path("/v1/assistants/{tenantId}/{assistantId}")
public class AssistantResource {

    private final AssistantRegistry assistants;

    public AssistantResource(AssistantRegistry assistants) {
        this.assistants = assistants;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AssistantStatus status(@RestPath String tenantId, @RestPath String assistantId) {
        Identifiers.require(tenantId, "tenant id");
        Identifiers.require(assistantId, "assistant id");
        return assistants.status(tenantId, assistantId)
                .orElseThrow(() -> new NotFoundException("No bundle was ever released for " + tenantId + "/"
                        + assistantId));
    }

    /** The intents of the assistant's newest bundle, by name: what a reviewer may correct a message to. */
    @GET
    @Path("/intents")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> intents(@RestPath String tenantId, @RestPath String assistantId) {
        status(tenantId, assistantId);
        return assistants.bundleFor(tenantId, assistantId, null).intents().keySet().stream()
                .sorted()
                .toList();
    }
}
