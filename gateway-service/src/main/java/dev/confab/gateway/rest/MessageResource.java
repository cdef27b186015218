package dev.confab.gateway.rest;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.gateway.config.GatewayConfig;
import dev.confab.gateway.security.CurrentCaller;
import dev.confab.gateway.service.ChatService;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Accepts a user message and answers with the bot's reply as a server-sent event stream. */
@Path("/v1/conversations/{conversationId}/messages")
public class MessageResource {

    private static final String DEFAULT_CHANNEL = "web";

    private final ChatService chat;
    private final GatewayConfig config;
    private final CurrentCaller caller;

    public MessageResource(ChatService chat, GatewayConfig config, CurrentCaller caller) {
        this.chat = chat;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<OutboundSseEvent> send(@RestPath String conversationId, SendMessageRequest request,
                                        @Context Sse sse) {
        validate(conversationId, request);
        String channel = request.channel() == null ? DEFAULT_CHANNEL : request.channel();
        return chat.send(caller.tenant(), conversationId, request.text(), channel, request.userId())
                .map(event -> SseEvents.of(sse, event));
    }

    private void validate(String conversationId, SendMessageRequest request) {
        ConversationIds.require(conversationId);
        if (request == null || request.text() == null) {
            throw new InvalidRequestException("Missing field 'text'");
        }
        if (request.text().isBlank()) {
            throw new InvalidRequestException("Field 'text' is empty");
        }
        if (request.text().length() > config.maxMessageChars()) {
            throw new InvalidRequestException("Field 'text' has " + request.text().length()
                    + " characters; the limit is " + config.maxMessageChars());
        }
        if (request.channel() != null && !Envelope.IDENTIFIER.matcher(request.channel()).matches()) {
            throw new InvalidRequestException("Invalid channel name");
        }
        if (request.userId() != null && !Envelope.IDENTIFIER.matcher(request.userId()).matches()) {
            throw new InvalidRequestException("Invalid user id: use 1-128 letters, digits, '_', '-', '.' or ':'");
        }
    }
}
