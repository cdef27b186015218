package dev.confab.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import dev.confab.contracts.security.CurrentCaller;
import dev.confab.contracts.security.Roles;
import dev.confab.gateway.security.UserTokens;
import dev.confab.gateway.service.ChatService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.Optional;

/**
 * Follows a conversation: every reply that reaches this replica, of any turn (an agent's messages during a handoff,
 * the bot taking over again), as SSE until the client closes it; also where a broken stream resumes.
 */
@Tag(name = ChatApi.CONVERSATIONS)
@RolesAllowed(Roles.CLIENT)
@Path("/v1/conversations/{conversationId}/stream")
public class ConversationStreamResource {

    private final ChatService chat;
    private final CurrentCaller caller;
    private final UserTokens users;

    public ConversationStreamResource(ChatService chat, CurrentCaller caller, UserTokens users) {
        this.chat = chat;
        this.caller = caller;
        this.users = users;
    }

    /** With {@code Last-Event-ID}, the stream first replays every reply after that event (resuming). */
    @GET
    @Operation(summary = "Follow or resume the conversation", description = "Every reply of the conversation "
            + "that reaches this replica, whatever its turn, until the client closes the stream; with "
            + "Last-Event-ID, first every event after that one. A signed-in user's conversation only with that "
            + "user's X-User-Token.")
    @APIResponse(responseCode = "200", description = "The conversation's replies, as they come",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, description = ChatApi.SSE_EVENTS)))
    @APIResponse(responseCode = "404", description = "Someone else's conversation",
            content = @Content(mediaType = ChatApi.PROBLEM, schema = @Schema(ref = ChatApi.PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "410", description = "Erased at its user's request, or the replies after "
            + "Last-Event-ID are no longer kept",
            content = @Content(mediaType = ChatApi.PROBLEM, schema = @Schema(ref = ChatApi.PROBLEM_SCHEMA)))
    @APIResponse(responseCode = "503", description = "Too many streams resuming, or dialog cannot say in time",
            content = @Content(mediaType = ChatApi.PROBLEM, schema = @Schema(ref = ChatApi.PROBLEM_SCHEMA)))
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> follow(@RestPath String conversationId,
                                          @RestHeader("Last-Event-ID") String lastEventId,
                                          @RestHeader("X-User-Token") String userToken, @Context Sse sse) {
        ConversationIds.require(conversationId);
        String userId = users.userOf(userToken).orElse(null);
        Optional<String> resumeAfter = Optional.ofNullable(lastEventId).filter(id -> !id.isBlank());
        return chat.follow(caller.tenant(), conversationId, resumeAfter, userId)
                .map(event -> SseEvents.of(sse, event));
    }
}
