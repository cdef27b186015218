package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.gateway.config.GatewayConfig;
import dev.confab.gateway.security.UserTokens;
import dev.confab.gateway.service.ChatService;
import dev.confab.gateway.service.ConversationService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.Optional;

/** A conversation's messages: sending one (the bot's reply streams back as server-sent events) and reading them. */
@Tag(name = ChatApi.CONVERSATIONS)
@RolesAllowed(Roles.CLIENT)
@Path("/v1/conversations/{conversationId}/messages")
public class MessageResource {

    private static final String DEFAULT_CHANNEL = "web";

    private final ChatService chat;
    private final GatewayConfig config;
    private final ConversationService conversations;
    private final CurrentCaller caller;
    private final UserTokens users;

    public MessageResource(ChatService chat, ConversationService conversations, GatewayConfig config,
                           CurrentCaller caller, UserTokens users) {
        this.users = users;
        this.chat = chat;
        this.conversations = conversations;
        this.config = config;
        this.caller = caller;
    }

    /**
     * Sends a message; the response streams the turn's reply. With an {@code Idempotency-Key}, sending again does
     * not start a second turn.
     */
    @POST
    @Operation(summary = "Send a message and stream the reply", description = "Starts a turn with the user's "
            + "message (at most 4,000 characters) and streams the assistant's reply until done. With an "
            + "Idempotency-Key, sending again does not start a second turn; with an X-User-Token, the turn is the "
            + "signed-in user's.")
    @APIResponse(responseCode = "200", description = "The turn's reply, as it is written",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, description = ChatApi.SSE_EVENTS)))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> send(@RestPath String conversationId, SendMessageRequest request,
                                        @RestHeader("Idempotency-Key") String idempotencyKey,
                                        @RestHeader("X-User-Token") String userToken, @Context Sse sse) {
        String text = validate(conversationId, request, idempotencyKey);
        String channel = request.channel() == null ? DEFAULT_CHANNEL : request.channel();
        String userId = users.userOf(userToken).orElse(null);
        return chat.send(caller.tenant(), conversationId, text, channel, userId, Optional.ofNullable(idempotencyKey))
                .map(event -> SseEvents.of(sse, event));
    }

    /** The conversation's messages so far, oldest first (the last {@code limit}). */
    @GET
    @Operation(summary = "Read the conversation so far", description = "The last limit messages (1-100), oldest "
            + "first; a signed-in user's conversation only with that user's X-User-Token.")
    @APIResponse(responseCode = "200", description = "The messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationHistory.class)))
    @APIResponse(responseCode = "404", description = "No such conversation for this tenant and user",
            content = @Content(mediaType = ChatApi.PROBLEM, schema = @Schema(ref = ChatApi.PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "The history cannot be read right now; try again",
            content = @Content(mediaType = ChatApi.PROBLEM, schema = @Schema(ref = ChatApi.PROBLEM_SCHEMA)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConversationHistory> history(@RestPath String conversationId,
                                            @RestQuery @DefaultValue("50") String limit,
                                            @RestHeader("X-User-Token") String userToken) {
        ConversationIds.require(conversationId);
        String userId = users.userOf(userToken).orElse(null);
        return conversations.history(caller.tenant(), conversationId, historyLimit(limit), userId)
                .onFailure(TimeoutException.class).transform(timeout -> new WebApplicationException(
                        "The conversation's history is not available right now; try again", 503))
                .map(messages -> messages
                        .map(found -> new ConversationHistory(conversationId, found))
                        .orElseThrow(() -> new NotFoundException("No conversation " + conversationId)));
    }

    private int historyLimit(String limit) {
        String reason = "Query parameter 'limit' must be a number between 1 and " + config.maxHistory();
        try {
            int parsed = Integer.parseInt(limit);
            if (parsed < 1 || parsed > config.maxHistory()) {
                throw new InvalidRequestException(reason);
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequestException(reason);
        }
    }

    /** The request's text, checked and normalised ({@link MessageText}), when everything in the request is valid. */
    private String validate(String conversationId, SendMessageRequest request, String idempotencyKey) {
        ConversationIds.require(conversationId);
        if (idempotencyKey != null && !Envelope.IDENTIFIER.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("Invalid Idempotency-Key: use 1-128 letters, digits, '_', '-', '.' "
                    + "or ':' (a UUID will do)");
        }
        if (request == null || request.text() == null) {
            throw new InvalidRequestException("Missing field 'text'");
        }
        if (request.text().length() > config.maxMessageChars()) {
            throw new InvalidRequestException("Field 'text' has " + request.text().length()
                    + " characters; the limit is " + config.maxMessageChars());
        }
        if (request.channel() != null && !Envelope.IDENTIFIER.matcher(request.channel()).matches()) {
            throw new InvalidRequestException("Invalid channel name");
        }
        if (request.userId() != null) {
            throw new InvalidRequestException("'userId' is not taken from the body: send the signed-in user's token "
                    + "as X-User-Token");
        }
        return MessageText.checked(request.text());
    }
}
