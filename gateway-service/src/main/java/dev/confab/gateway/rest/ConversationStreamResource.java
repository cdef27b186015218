package dev.confab.gateway.rest;

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
