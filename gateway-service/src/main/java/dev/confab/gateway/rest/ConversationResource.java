package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
@Tag(name = ChatApi.CONVERSATIONS)
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
    @Operation(summary = "Start a conversation", description = "Mints a conversation id that cannot be guessed; "
            + "the conversation starts with its first message and belongs to the key's tenant.")
    @APIResponse(responseCode = "201", description = "The new conversation's id and where to send and follow",
            headers = @Header(name = "Location", description = "Where its messages are sent",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewConversation.class)))
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
    @Operation(summary = "End a conversation", description = "Its flows are cancelled and conversation.ended "
            + "(CLOSED) is published; an optional reason of up to 200 characters is recorded. Without a body, no "
            + "reason is given.")
    @APIResponse(responseCode = "202", description = "Accepted; the conversation ends")
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
    @Operation(hidden = true)
    public Uni<Void> endWithoutReason(@RestPath String conversationId) {
        return end(conversationId, null);
    }
}
