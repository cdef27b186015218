package dev.confab.gateway.rest;

import dev.confab.gateway.security.CurrentCaller;
import dev.confab.gateway.service.ChatService;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Follows a conversation: every reply that reaches this replica, of any turn (an agent's messages during a handoff,
 * the bot taking over again), as SSE until the client closes it.
 */
@Path("/v1/conversations/{conversationId}/stream")
public class ConversationStreamResource {

    private final ChatService chat;
    private final CurrentCaller caller;

    public ConversationStreamResource(ChatService chat, CurrentCaller caller) {
        this.chat = chat;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> follow(@RestPath String conversationId, @Context Sse sse) {
        ConversationIds.require(conversationId);
        return chat.follow(caller.tenant(), conversationId)
                .map(event -> SseEvents.of(sse, event));
    }
}
