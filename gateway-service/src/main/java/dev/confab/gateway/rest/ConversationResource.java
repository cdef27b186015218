package dev.confab.gateway.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.gateway.service.ConversationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.UUID;

/** Opens conversations and ends them. */
@RolesAllowed(Roles.CLIENT)
@Path("/v1/conversations")
public class ConversationResource {

    private static final int MAX_REASON_CHARS = 200;

    private final ConversationService conversations;
    private final CurrentCaller caller;

    public ConversationResource(ConversationService conversations, CurrentCaller caller) {
        this.conversations = conversations;
        this.caller = caller;
    }

    /**
     * A new conversation id, minted here so that it cannot be guessed; the conversation starts with its first
     * message and belongs to the tenant that sends it.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create() {
        String id = "c-" + UUID.randomUUID();
        String path = "/v1/conversations/" + id;
        return Response.created(URI.create(path + "/messages"))
                .entity(new NewConversation(id, path + "/messages", path + "/stream"))
                .build();
    }

    /** Ends the conversation: its flows are cancelled and {@code conversation.ended} (CLOSED) is published. */
    @POST
    @Path("{conversationId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    public Uni<Void> end(@RestPath String conversationId, EndConversationRequest request) {
        ConversationIds.require(conversationId);
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new InvalidRequestException("Field 'reason' has " + reason.length() + " characters; the limit is "
                    + MAX_REASON_CHARS);
        }
        return conversations.end(caller.tenant(), conversationId, reason);
    }

    /** The same without a body (no reason given), as a client closing a window sends it. */
    @POST
    @Path("{conversationId}/end")
    @ResponseStatus(202)
    public Uni<Void> endWithoutReason(@RestPath String conversationId) {
        return end(conversationId, null);
    }
}
